// The floor for the gateway: a bare node:http pass-through proxy (keep-alive agent, pipes,
// nothing else) with the app's URL shape (`/api/v1/*` to `UPSTREAM/v1/*`) and `/api/health`,
// so every proxy figure can be read as milliseconds added over what Node itself costs.
// Plain JavaScript so `node` runs it without a loader. Prints `{"port":N}` once listening.
import { Agent, createServer, request } from 'node:http';

const upstream = new URL(process.env.UPSTREAM_URL ?? 'http://127.0.0.1:1');
const agent = new Agent({ keepAlive: true, maxSockets: Infinity });

const server = createServer((req, res) => {
	const path = req.url ?? '/';
	if (path === '/api/health') {
		res.writeHead(200, { 'content-type': 'application/json' });
		return void res.end('{"status":"ok"}');
	}
	const headers = { ...req.headers, host: upstream.host };
	const up = request(
		{
			host: upstream.hostname,
			port: upstream.port,
			method: req.method,
			path: path.replace(/^\/api\/v1\//, '/v1/'),
			headers,
			agent
		},
		(upRes) => {
			res.writeHead(upRes.statusCode ?? 502, upRes.headers);
			upRes.pipe(res);
		}
	);
	up.on('error', () => res.destroy());
	res.on('close', () => {
		if (!res.writableFinished) up.destroy();
	});
	req.pipe(up);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () =>
	process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n')
);
