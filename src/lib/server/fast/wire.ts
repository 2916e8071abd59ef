import {
	Agent as HttpAgent,
	request as httpRequest,
	type IncomingMessage,
	type RequestOptions
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import { errorBody } from '../http';
import { isForwardedResponseHeader } from '../upstream/headers';
import type { Upstream, UpstreamRequest, WireCall, WireRequest } from '../upstream/types';

/**
 * The upstream call of the node fast path: the bytes the SDK would send (its URL, headers and
 * key, from `Upstream.wire`), sent with node:http over a keep-alive agent, and the answer's body
 * handed back as the socket's own stream. Retries, timeouts and error answers follow the SDK
 * (client.js makeRequest), so a client sees what the Kit route (through the SDK) would send.
 *
 * An answer's headers travel as `AnswerHeaders`: lower-case names, repeated values joined with
 * `, ` (as Headers gives them), in a plain object node's writeHead takes as it is.
 */
export type AnswerHeaders = Record<string, string>;

/** A web Response's headers (a shared module's answer, the simulator's) as the fast path writes them. */
export const answerHeadersOf = (headers: Headers): AnswerHeaders => Object.fromEntries(headers);

export interface WireReply {
	status: number;
	/** Already filtered to what a client may see (isForwardedResponseHeader); our own copy. */
	headers: AnswerHeaders;
	/** A success's body, as it arrives. */
	body: Readable | null;
	/** An error's body, in full (the SDK reads it to build its error). */
	text?: string;
}

const agents = {
	'http:': new HttpAgent({ keepAlive: true, maxSockets: Infinity }),
	'https:': new HttpsAgent({ keepAlive: true, maxSockets: Infinity })
};

class WireTimeout extends Error {}

/**
 * The caller going away. An AbortSignal is one; the fast path passes its own (an
 * AbortController per request, and node:http's listener on its signal, cost more than the
 * rest of the request's setup).
 */
export interface Cancel {
	readonly aborted: boolean;
	/** Calls `listener` once the caller is gone; returns what stops listening. */
	onAbort(listener: () => void): () => void;
}

function cancelOf(signal: AbortSignal | Cancel): Cancel {
	if ('onAbort' in signal) return signal;
	return {
		get aborted() {
			return signal.aborted;
		},
		onAbort(listener) {
			signal.addEventListener('abort', listener, { once: true });
			return () => signal.removeEventListener('abort', listener);
		}
	};
}

function abortError() {
	return new DOMException('The caller went away', 'AbortError');
}

/**
 * node:http options for a call, worked out once per distinct call (wireFor keeps the calls). The
 * headers go as a flat [name, value, ...] list: node writes them as they are (checking each)
 * instead of setting them one by one, which is most of what building a request costs. Such a
 * list gets none of node's defaults, so Host (and Authorization for a URL with credentials) are
 * added here as node would.
 */
interface Target {
	https: boolean;
	options: RequestOptions;
	headers: string[];
}
const targets = new WeakMap<WireCall, Target>();
function targetOf(wire: WireCall): Target {
	let target = targets.get(wire);
	if (!target) {
		const url = new URL(wire.url);
		const https = url.protocol === 'https:';
		const options: RequestOptions = {
			protocol: url.protocol,
			hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
			port: url.port || undefined,
			path: url.pathname + url.search,
			agent: agents[https ? 'https:' : 'http:']
		};
		const headers = Object.entries(wire.headers).flat();
		const has = (name: string) => Object.keys(wire.headers).some((n) => n.toLowerCase() === name);
		// URL.host: brackets for IPv6, the port only when it is not the scheme's default.
		if (!has('host')) headers.push('host', url.host);
		if ((url.username || url.password) && !has('authorization')) {
			const auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
			headers.push('authorization', `Basic ${Buffer.from(auth).toString('base64')}`);
		}
		target = { https, options, headers };
		targets.set(wire, target);
	}
	return target;
}

function send(
	method: string,
	wire: WireCall,
	body: string | undefined,
	cancel: Cancel,
	timeoutMs: number
): Promise<IncomingMessage> {
	return new Promise((resolve, reject) => {
		if (cancel.aborted) return reject(abortError());
		const { https, options, headers } = targetOf(wire);
		const payload = body === undefined ? undefined : Buffer.from(body);
		const req = (https ? httpsRequest : httpRequest)({
			...options,
			method,
			headers: payload ? [...headers, 'content-length', String(payload.length)] : headers
		});
		// Until the answer's body is done, the caller leaving ends the request (and its socket).
		const stopListening = cancel.onAbort(() => req.destroy(abortError()));
		// As the SDK's timeout: only the wait for the answer's headers is timed.
		const timer = setTimeout(() => req.destroy(new WireTimeout()), timeoutMs);
		req.once('response', (res) => {
			clearTimeout(timer);
			res.once('close', stopListening);
			resolve(res);
		});
		req.once('error', (e) => {
			clearTimeout(timer);
			stopListening();
			reject(e);
		});
		req.end(payload);
	});
}

function readText(res: IncomingMessage): Promise<string> {
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		res.on('data', (c: Buffer) => chunks.push(c));
		res.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		// The SDK keeps what it could read: a cut error body is still an error answer.
		res.once('error', () => resolve(Buffer.concat(chunks).toString('utf8')));
	});
}

/** The SDK's `shouldRetry` (no token-refresh case: the server authenticates with a key). */
export function shouldRetry(status: number, headers: IncomingMessage['headers']): boolean {
	const says = headers['x-should-retry'];
	if (says === 'true') return true;
	if (says === 'false') return false;
	return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** The SDK's `retryRequest` wait: the server's retry-after(-ms) when sane, else backoff with jitter. */
export function retryDelayMs(
	headers: IncomingMessage['headers'] | undefined,
	retriesDone: number,
	random = Math.random
): number {
	let ms: number | undefined;
	const afterMs = Number.parseFloat(String(headers?.['retry-after-ms'] ?? ''));
	if (!Number.isNaN(afterMs)) ms = afterMs;
	const after = headers?.['retry-after'];
	if (after && !ms) {
		const seconds = Number.parseFloat(after);
		ms = Number.isNaN(seconds) ? Date.parse(after) - Date.now() : seconds * 1000;
	}
	if (ms !== undefined && ms > 0 && ms <= 2 ** 31 - 1) return ms;
	return Math.min(0.5 * 2 ** retriesDone, 8) * (1 - random() * 0.25) * 1000;
}

/** The body sdk-upstream.ts answers for an API error (the SDK's APIError, re-serialized). */
export function errorText(status: number, text: string): string {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	if (json && typeof json === 'object') return JSON.stringify(json);
	// APIError.makeMessage: the JSON value, else the raw text, else a note that there was none.
	const msg = json ? JSON.stringify(json) : text;
	return JSON.stringify(
		errorBody('api_error', msg ? `${status} ${msg}` : `${status} status code (no body)`)
	);
}

/** The upstream's headers a client may see, straight from node's parsed ones (no Headers). */
export function forwardedNodeHeaders(headers: IncomingMessage['headers']): AnswerHeaders {
	const out: AnswerHeaders = {};
	for (const name in headers) {
		const value = headers[name];
		if (value !== undefined && isForwardedResponseHeader(name))
			out[name] = Array.isArray(value) ? value.join(', ') : value;
	}
	return out;
}

function failure(status: number, type: string, message: string): WireReply {
	const headers: AnswerHeaders = { 'content-type': 'application/json' };
	return { status, headers, body: null, text: JSON.stringify(errorBody(type, message)) };
}

/**
 * The SDK's URL and headers depend only on the call's path, query, headers and attempt (no
 * per-request ids), so they are built once per distinct call rather than on every request.
 */
const wired = new Map<string, Promise<WireCall>>();
const WIRED_MAX = 256;

function wireFor(
	upstream: Required<Pick<Upstream, 'wire'>>,
	call: WireRequest,
	attempt: number
): Promise<WireCall> {
	const key = JSON.stringify([
		call.method,
		call.path,
		call.query,
		call.stream,
		call.headers,
		attempt
	]);
	let found = wired.get(key);
	if (!found) {
		if (wired.size >= WIRED_MAX) wired.clear();
		found = upstream.wire(call, attempt);
		// A failed build is not kept: the next request tries again.
		found.catch(() => wired.delete(key));
		wired.set(key, found);
	}
	return found;
}

const sleep = (ms: number, cancel: Cancel) =>
	new Promise<void>((resolve) => {
		const stop = cancel.onAbort(() => (clearTimeout(timer), resolve()));
		const timer = setTimeout(() => (stop(), resolve()), ms);
	});

/** Sends one call over the wire; throws only when the caller went away (`signal`). */
export async function sendOverWire(
	upstream: Upstream & Required<Pick<Upstream, 'wire'>>,
	call: Omit<UpstreamRequest, 'signal' | 'body'> & { body?: string },
	signal: AbortSignal | Cancel
): Promise<WireReply> {
	const cancel = cancelOf(signal);
	const maxRetries = upstream.maxRetries ?? 0;
	const timeoutMs = upstream.timeoutMs ?? 600_000;
	for (let attempt = 0; ; attempt++) {
		const wire = await wireFor(upstream, call, attempt);
		let res: IncomingMessage;
		try {
			res = await send(call.method, wire, call.body, cancel, timeoutMs);
		} catch (e) {
			if (cancel.aborted) throw e;
			if (attempt < maxRetries) {
				await sleep(retryDelayMs(undefined, attempt), cancel);
				continue;
			}
			return e instanceof WireTimeout
				? failure(504, 'timeout_error', 'The upstream API did not answer in time.')
				: failure(502, 'api_error', 'Could not reach the upstream API.');
		}
		const status = res.statusCode ?? 502;
		const headers = forwardedNodeHeaders(res.headers);
		if (status >= 200 && status < 300) return { status, headers, body: res };
		if (attempt < maxRetries && shouldRetry(status, res.headers)) {
			res.resume();
			await sleep(retryDelayMs(res.headers, attempt), cancel);
			continue;
		}
		headers['content-type'] = 'application/json';
		return { status, headers, body: null, text: errorText(status, await readText(res)) };
	}
}
