import { ApiError } from './error';

/** Per-call options every resource method takes. */
export interface CallOptions {
	headers?: Record<string, string>;
	signal?: AbortSignal;
}

const JSON_TYPE = { 'content-type': 'application/json' };

/**
 * Sends one request to the playground's /api and returns the response once its status is 2xx.
 * Anything else becomes an ApiError; an abort is rethrown as is, so callers can tell it apart.
 */
export async function send(path: string, init: RequestInit = {}): Promise<Response> {
	let res: Response;
	try {
		res = await fetch(path, init);
	} catch (e) {
		if (init.signal?.aborted) throw e;
		throw ApiError.network(e);
	}
	if (!res.ok) throw await ApiError.fromResponse(res);
	return res;
}

/** The 2xx response's JSON body. */
export async function readJson<T>(res: Response): Promise<T> {
	const text = await res.text();
	try {
		return JSON.parse(text) as T;
	} catch {
		throw new ApiError({
			status: res.status,
			type: 'invalid_response',
			message: 'The server sent a body that is not JSON.'
		});
	}
}

export async function getJson<T>(path: string, options: CallOptions = {}): Promise<T> {
	return readJson<T>(await send(path, { headers: options.headers, signal: options.signal }));
}

export async function sendJson<T>(
	method: string,
	path: string,
	body: unknown,
	options: CallOptions = {}
): Promise<T> {
	const init: RequestInit = {
		method,
		headers: { ...JSON_TYPE, ...options.headers },
		signal: options.signal
	};
	if (body !== undefined) init.body = JSON.stringify(body);
	return readJson<T>(await send(path, init));
}

/** POSTs a JSON body and returns the raw 2xx response (for streams and byte-exact bodies). */
export function postRaw(path: string, body: unknown, options: CallOptions = {}): Promise<Response> {
	return send(path, {
		method: 'POST',
		headers: { ...JSON_TYPE, ...options.headers },
		body: JSON.stringify(body),
		signal: options.signal
	});
}

/** `?a=1&b=2` from the defined values, or '' when there are none. */
export function query(params: Record<string, string | number | undefined | null>): string {
	const q = new URLSearchParams();
	for (const [k, v] of Object.entries(params))
		if (v !== undefined && v !== null) q.set(k, String(v));
	const s = q.toString();
	return s ? `?${s}` : '';
}

export const segment = encodeURIComponent;
