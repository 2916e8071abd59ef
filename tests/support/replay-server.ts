import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { recorded } from './fixtures';

export interface ReplayRecord {
	method: string;
	url: string;
	headers: IncomingHttpHeaders;
	body: string;
	closedEarly: boolean;
}

/**
 * A stand-in for the real API that replays recorded traffic. The request's
 * `metadata.user_id` picks what to send: `replay:<file>.sse` streams a recorded stream,
 * `error:<status>:<file>.json` a recorded error, `slow` a stream that never ends.
 */
export async function startReplayServer(): Promise<{ url: string; records: ReplayRecord[]; server: Server }> {
	const records: ReplayRecord[] = [];
	const server = createServer((req, res) => {
		let body = '';
		req.on('data', (d) => (body += d));
		req.on('end', () => {
			const record: ReplayRecord = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, closedEarly: false };
			records.push(record);
			res.on('close', () => {
				if (!res.writableEnded) record.closedEarly = true;
			});
			let userId = '';
			try {
				userId = JSON.parse(body)?.metadata?.user_id ?? '';
			} catch {
				// not JSON: plain answer below
			}
			const [kind, a, b] = userId.split(':');
			if (kind === 'replay') {
				res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'request-id': 'req_replay', 'anthropic-ratelimit-requests-remaining': '41' });
				// Several small writes, so chunk boundaries fall mid-event as on the wire.
				const bytes = Buffer.from(recorded(a));
				for (let i = 0; i < bytes.length; i += 97) res.write(bytes.subarray(i, i + 97));
				res.end();
			} else if (kind === 'error') {
				res.writeHead(Number(a), { 'content-type': 'application/json', 'request-id': 'req_replay_err', 'retry-after': '7', 'x-should-retry': 'false' });
				res.end(recorded(b));
			} else if (kind === 'slow') {
				res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
				res.write('event: ping\ndata: {"type":"ping"}\n\n');
				const timer = setInterval(() => res.write('event: ping\ndata: {"type":"ping"}\n\n'), 50);
				res.on('close', () => clearInterval(timer));
			} else {
				res.writeHead(404, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ type: 'error', error: { type: 'not_found_error', message: 'replay: nothing to replay' } }));
			}
		});
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const address = server.address();
	return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, records, server };
}
