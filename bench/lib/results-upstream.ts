import { createServer, type Server } from 'node:http';

/**
 * A stand-in upstream holding one ended batch of `lines` results, so the bench measures the
 * playground and the browser rather than the simulator's result generation. Every 50th
 * result is errored, every 97th canceled; texts vary so search has something to find.
 */
export function resultsJsonl(lines: number): Buffer {
	const out: string[] = [];
	for (let i = 1; i <= lines; i++) {
		const custom_id = `row-${i}`;
		const result =
			i % 50 === 0
				? {
						type: 'errored',
						error: {
							type: 'error',
							error: { type: 'invalid_request_error', message: `max_tokens: ${9000 + i} > 8192` }
						}
					}
				: i % 97 === 0
					? { type: 'canceled' }
					: {
							type: 'succeeded',
							message: {
								id: `msg_${i}`,
								type: 'message',
								role: 'assistant',
								model: 'claude-3-5-haiku-20241022',
								content: [
									{
										type: 'text',
										text: `Answer ${i}: the ${['quick', 'lazy', 'brown', 'red'][i % 4]} fox.\n\nA second paragraph with **markdown** for row ${i}.`
									}
								],
								stop_reason: 'end_turn',
								stop_sequence: null,
								usage: { input_tokens: 20 + (i % 13), output_tokens: 30 + (i % 17) }
							}
						};
		out.push(JSON.stringify({ custom_id, result }));
	}
	return Buffer.from(out.join('\n') + '\n');
}

export const BENCH_BATCH_ID = 'msgbatch_benchResults01';

export async function startResultsUpstream(
	lines: number
): Promise<{ url: string; bytes: number; server: Server }> {
	const body = resultsJsonl(lines);
	const at = '2026-01-01T00:00:00.000000+00:00';
	const batch = (origin: string) => ({
		id: BENCH_BATCH_ID,
		type: 'message_batch',
		processing_status: 'ended',
		request_counts: { processing: 0, succeeded: lines, errored: 0, canceled: 0, expired: 0 },
		ended_at: at,
		created_at: at,
		expires_at: '2026-01-02T00:00:00.000000+00:00',
		cancel_initiated_at: null,
		archived_at: null,
		results_url: `${origin}/v1/messages/batches/${BENCH_BATCH_ID}/results`
	});
	const server = createServer((req, res) => {
		const origin = `http://${req.headers.host}`;
		const path = (req.url ?? '').split('?')[0];
		if (path === `/v1/messages/batches/${BENCH_BATCH_ID}/results`) {
			res.writeHead(200, { 'content-type': 'application/x-jsonl' });
			// 64 KB writes with backpressure, as a real server streams a large file.
			let at = 0;
			const pump = () => {
				while (at < body.length) {
					const ok = res.write(body.subarray(at, (at += 65536)));
					if (!ok) return void res.once('drain', pump);
				}
				res.end();
			};
			pump();
		} else if (path === `/v1/messages/batches/${BENCH_BATCH_ID}`) {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify(batch(origin)));
		} else {
			res.writeHead(404, { 'content-type': 'application/json' });
			res.end(
				JSON.stringify({
					type: 'error',
					error: { type: 'not_found_error', message: 'bench upstream: not found' }
				})
			);
		}
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const address = server.address();
	return {
		url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
		bytes: body.length,
		server
	};
}
