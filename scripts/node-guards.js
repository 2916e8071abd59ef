// Guards that must run before SvelteKit sees a request (plain JS: start.js runs the build
// without a compiler). Body caps per route, checked on the declared length before a byte is
// read, and security headers on every response, static files included.

import { STATUS_CODES } from 'node:http';

const MB = 1024 * 1024;
/** Login, logout and settings take small forms; nothing more is ever needed there. */
export const FORM_BODY_BYTES = 16 * 1024;

const intEnv = (env, name, fallback) => {
	const v = Number(env[name]);
	return Number.isFinite(v) && v > 0 ? v : fallback;
};

/** The caps, from the same variables the app validates (defaults match src/lib/server/config.ts). */
export function bodyLimits(env) {
	const maxBody = intEnv(env, 'MAX_BODY_BYTES', 32 * MB);
	return {
		// BODY_SIZE_LIMIT keeps adapter-node's meaning (every route) but defaults to MAX_BODY_BYTES.
		fallback: intEnv(env, 'BODY_SIZE_LIMIT', maxBody),
		batchCreate: intEnv(env, 'MAX_BATCH_BODY_BYTES', 256 * MB),
		form: FORM_BODY_BYTES
	};
}

const FORM_ROUTES = /^\/(login|logout|settings|admin)(\/|$)/;

/** Only the batch-create route may take more than the ordinary cap. */
export function limitFor(method, path, limits) {
	if (method === 'GET' || method === 'HEAD') return 0;
	if (FORM_ROUTES.test(path)) return limits.form;
	if (method === 'POST' && path === '/api/v1/messages/batches') return limits.batchCreate;
	return limits.fallback;
}

export const SECURITY_HEADERS = {
	'x-content-type-options': 'nosniff',
	// Not no-referrer: with it Chrome sends `Origin: null` on our own form posts.
	'referrer-policy': 'same-origin',
	'x-frame-options': 'DENY',
	'permissions-policy': 'camera=(), microphone=(), geolocation=()',
	// Pages and API answers replace this with their own (kit.csp, the securityHeaders hook).
	// A worker runs under its script's CSP, so static files allow fetches to our own /api.
	'content-security-policy': "default-src 'none'; connect-src 'self'; frame-ancestors 'none'"
};

const errorJson = (type, message) => JSON.stringify({ type: 'error', error: { type, message } });

function tooLarge(res, limit) {
	const body = errorJson(
		'request_too_large',
		`Request exceeds the maximum allowed number of bytes (${limit}).`
	);
	res.writeHead(413, {
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(body),
		connection: 'close'
	});
	res.end(body);
}

/**
 * Returns true when the request may go on. An over-size declared body gets a 413 in the API's
 * shape; the body is read and dropped first (bounded: nothing is kept) so the client sees the
 * answer instead of a reset, unless it keeps sending far past the cap. A chunked body without
 * a length is counted as it arrives and the connection is cut at the cap.
 */
export function admitBody(req, res, limit) {
	if (!limit) return true;
	const declared = Number(req.headers['content-length']);
	if (Number.isFinite(declared) && declared > limit) {
		let drained = 0;
		req.on('data', (chunk) => {
			drained += chunk.length;
			if (drained > Math.max(limit, 64 * MB)) req.destroy();
		});
		req.on('end', () => tooLarge(res, limit));
		req.on('error', () => {});
		return false;
	}
	if (!Number.isFinite(declared) && req.headers['transfer-encoding']) {
		let seen = 0;
		req.on('data', (chunk) => {
			seen += chunk.length;
			if (seen > limit) req.destroy(new Error(`body over ${limit} bytes`));
		});
	}
	return true;
}

/** What node:http's parser refused, as node would answer it (431, 408, else 400), in words. */
const CLIENT_ERRORS = {
	HPE_HEADER_OVERFLOW: [431, 'The request line and headers are too large.'],
	ERR_HTTP_REQUEST_TIMEOUT: [408, 'The request took too long to arrive.'],
	ERR_HTTP_HEADERS_TIMEOUT: [408, 'The request headers took too long to arrive.']
};

/**
 * The server's `clientError` listener: a request node:http could not parse (headers too large,
 * a malformed request line or header, a bad chunk) gets an answer in the API's error shape
 * instead of node's bare status line, then the connection closes (its framing is unknown).
 */
export function answerClientError(err, socket) {
	// Mid-answer (a response already began on this socket) there is nothing left to say.
	if (err.code === 'ECONNRESET' || !socket.writable || socket._httpMessage?.headersSent)
		return socket.destroy();
	const [status, message] = CLIENT_ERRORS[err.code] ?? [
		400,
		`The request is not valid HTTP (${err.code ?? 'unreadable'}).`
	];
	const body = errorJson('invalid_request_error', message);
	socket.end(
		`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
			`content-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
			`connection: close\r\n\r\n${body}`
	);
}
