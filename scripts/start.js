// Starts the built server: our own HTTP server in front of SvelteKit's handler, so bodies are
// capped per route before anything is read (adapter-node's BODY_SIZE_LIMIT is one number for
// every route, and answers in plain text), and static files get the security headers too.
import http from 'node:http';
import {
	SECURITY_HEADERS,
	admitBody,
	answerClientError,
	bodyLimits,
	limitFor
} from './node-guards.js';
import { takeFastPath } from './fast-path.js';

// Data files 0600, folders 0700: whatever the app or the simulator writes is ours alone.
process.umask(0o077);

const limits = bodyLimits(process.env);
// Kit never buffers more than the largest cap; the per-route caps are enforced here.
process.env.BODY_SIZE_LIMIT = String(limits.batchCreate);

const { handler } = await import('../build/handler.js');
const fast = takeFastPath(process.env);

const host = process.env.HOST || '0.0.0.0';
const port = Number(process.env.PORT || 3000);
const shutdownSeconds = Number(process.env.SHUTDOWN_TIMEOUT || 30);

const server = http.createServer((req, res) => {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
	const path = (req.url ?? '/').split('?')[0];
	if (!admitBody(req, res, limitFor(req.method ?? 'GET', path, limits))) return;
	if (fast?.handle(req, res)) return;
	handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not found');
	});
});

server.on('clientError', answerClientError);
server.listen(port, host, () => console.log(`Listening on http://${host}:${port}`));

let stopping = false;
function shutdown(reason) {
	if (stopping) return;
	stopping = true;
	server.closeIdleConnections();
	server.close(async () => {
		await fast?.drain().catch(() => {});
		process.emit('sveltekit:shutdown', reason);
		process.exit(0);
	});
	setTimeout(() => server.closeAllConnections(), shutdownSeconds * 1000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
