import { createServer, type Server } from 'node:http';
import type { DeltaStream } from './delta-stream';
import { NAIVE_LOG_PAGE, NAIVE_STREAM_PAGE } from './naive-pages';

export interface StandIn {
	url: string;
	close(): Promise<void>;
}

/**
 * A stand-in upstream for the browser sections: every POST /v1/messages gets the synthetic
 * stream in one write (as fast as possible); /naive/* serve the baseline pages, which read the
 * same body from /sse (same origin, so no CORS).
 */
export async function startStandIn(stream: DeltaStream): Promise<StandIn> {
	const server: Server = createServer((req, res) => {
		req.resume();
		const path = new URL(req.url ?? '/', 'http://x').pathname;
		if (path === '/v1/messages' || path === '/sse') {
			res.writeHead(200, {
				'content-type': 'text/event-stream; charset=utf-8',
				'request-id': 'req_bench'
			});
			res.end(stream.body);
		} else if (path === '/v1/models') {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(
				JSON.stringify({
					data: [
						{
							type: 'model',
							id: 'claude-bench',
							display_name: 'Bench',
							created_at: '2025-01-01T00:00:00Z'
						}
					],
					has_more: false,
					first_id: 'claude-bench',
					last_id: 'claude-bench'
				})
			);
		} else if (path === '/naive/stream' || path === '/naive/log') {
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
			res.end(path === '/naive/stream' ? NAIVE_STREAM_PAGE : NAIVE_LOG_PAGE);
		} else {
			res.writeHead(404, { 'content-type': 'application/json' });
			res.end(
				JSON.stringify({
					type: 'error',
					error: { type: 'not_found_error', message: 'stand-in: unknown path' }
				})
			);
		}
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const address = server.address();
	return {
		url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
		close: () => new Promise((r) => server.close(() => r()))
	};
}
