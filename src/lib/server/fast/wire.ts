import {
	Agent as HttpAgent,
	request as httpRequest,
	type IncomingMessage,
	type RequestOptions
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import { errorBody } from '../http';
import { forwardedResponseHeaders, type HeaderSource } from '../upstream/headers';
import type { Upstream, UpstreamRequest, WireCall, WireRequest } from '../upstream/types';

/**
 * The upstream call of the node fast path: the bytes the SDK would send (its URL, headers and
 * key, from `Upstream.wire`), sent with node:http over a keep-alive agent, and the answer's body
 * handed back as the socket's own stream. Retries, timeouts and error answers follow the SDK
 * (client.js makeRequest), so a client sees what the Kit route (through the SDK) would send.
 */
export interface WireReply {
	status: number;
	/** Already filtered to what a client may see (forwardedResponseHeaders). */
	headers: Headers;
	/** A success's body, as it arrives. */
	body: Readable | null;
	/** An error's body, in full (the SDK reads it to build its error). */
	text?: string;
}

const agents = {
	'http:': new HttpAgent({ keepAlive: true, maxSockets: Infinity }),
	'https:': new HttpsAgent({ keepAlive: true, maxSockets: Infinity })
};

/** Node's headers seen through Headers' `forEach` (repeated headers joined, as fetch does). */
export function nodeHeaderSource(headers: IncomingMessage['headers']): HeaderSource {
	return {
		forEach(callback: (value: string, name: string, parent: Headers) => void) {
			for (const [name, value] of Object.entries(headers))
				if (value !== undefined)
					callback(Array.isArray(value) ? value.join(', ') : value, name, undefined as never);
		}
	};
}

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

/** node:http options for a URL, parsed once per distinct call (wireFor keeps the calls). */
const targets = new WeakMap<WireCall, { https: boolean; options: RequestOptions }>();
function targetOf(wire: WireCall) {
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
		if (url.username || url.password)
			options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
		target = { https, options };
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
		const { https, options } = targetOf(wire);
		const payload = body === undefined ? undefined : Buffer.from(body);
		const headers = wire.headers;
		const req = (https ? httpsRequest : httpRequest)({
			...options,
			method,
			headers: payload ? { ...headers, 'content-length': String(payload.length) } : headers
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

function failure(status: number, type: string, message: string): WireReply {
	const headers = new Headers({ 'content-type': 'application/json' });
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
		const headers = forwardedResponseHeaders(nodeHeaderSource(res.headers));
		if (status >= 200 && status < 300) return { status, headers, body: res };
		if (attempt < maxRetries && shouldRetry(status, res.headers)) {
			res.resume();
			await sleep(retryDelayMs(res.headers, attempt), cancel);
			continue;
		}
		headers.set('content-type', 'application/json');
		return { status, headers, body: null, text: errorText(status, await readText(res)) };
	}
}
