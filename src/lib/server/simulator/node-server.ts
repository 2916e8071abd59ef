import { createServer, type Server } from 'node:http';
import { getRequest, setResponse } from '@sveltejs/kit/node';
import type { Simulator } from './app';

/** Serves a simulator over HTTP (the standalone `npm run simulator`, and tests that need a real socket). */
export function serveSimulator(
	simulator: Simulator,
	port: number,
	host = '127.0.0.1'
): Promise<Server> {
	const server = createServer(async (req, res) => {
		try {
			const request = await getRequest({
				request: req,
				base: `http://${req.headers.host ?? host}`
			});
			await setResponse(res, await simulator.fetch(request));
		} catch (e) {
			res.writeHead(500, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ type: 'error', error: { type: 'api_error', message: String(e) } }));
		}
	});
	return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}
