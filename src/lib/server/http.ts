import type { ErrorType } from '@anthropic-ai/sdk/resources/shared';
import type { z } from 'zod';
import { describeIssues } from '$lib/schemas/issues';

/**
 * The API's error types: the SDK's list, plus `request_too_large`, which the API answers for
 * a 413 but the SDK does not name. A new SDK type fails the type check until it has a status.
 */
export type ApiErrorType = ErrorType | 'request_too_large';

export const ERROR_STATUS: Record<ApiErrorType, number> = {
	invalid_request_error: 400,
	authentication_error: 401,
	billing_error: 402,
	permission_error: 403,
	not_found_error: 404,
	conflict_error: 409,
	memory_path_conflict_error: 409,
	memory_precondition_failed_error: 412,
	request_too_large: 413,
	rate_limit_error: 429,
	api_error: 500,
	timeout_error: 504,
	overloaded_error: 529
};

export function newRequestId(): string {
	return 'req_' + randomId(24);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Random bytes drawn 4 KB at a time: one call to the CSPRNG per ~170 request ids, not one each. */
const pool = new Uint8Array(4096);
let used = pool.length;
export function randomId(length: number): string {
	if (length > pool.length) {
		const bytes = crypto.getRandomValues(new Uint8Array(length));
		return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
	}
	if (used + length > pool.length) {
		crypto.getRandomValues(pool);
		used = 0;
	}
	let id = '';
	for (let i = used; i < used + length; i++) id += ALPHABET[pool[i] % ALPHABET.length];
	used += length;
	return id;
}

export function errorBody(type: string, message: string, requestId?: string) {
	return {
		type: 'error' as const,
		error: { type, message },
		...(requestId ? { request_id: requestId } : {})
	};
}

/** A response in the API's error shape: `{type:"error", error:{type, message}}`. */
export function apiError(
	type: ApiErrorType,
	message: string,
	init: { status?: number; headers?: HeadersInit; requestId?: string } = {}
): Response {
	const headers = new Headers(init.headers);
	headers.set('content-type', 'application/json');
	if (init.requestId && !headers.has('request-id')) headers.set('request-id', init.requestId);
	return new Response(JSON.stringify(errorBody(type, message, init.requestId)), {
		status: init.status ?? ERROR_STATUS[type] ?? 400,
		headers
	});
}

export class HttpProblem extends Error {
	constructor(
		readonly type: ApiErrorType,
		message: string,
		readonly status = ERROR_STATUS[type] ?? 400
	) {
		super(message);
	}
	toResponse(requestId?: string): Response {
		return apiError(this.type, this.message, { status: this.status, requestId });
	}
}

/**
 * Reads a body up to `maxBytes` without trusting content-length: past the cap it stops reading
 * and throws `overCap()` (by default a 413 naming the cap).
 */
export async function readBodyBytes(
	request: Request,
	maxBytes: number,
	overCap: () => HttpProblem = () => tooLarge(maxBytes)
): Promise<Uint8Array> {
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > maxBytes) throw overCap();
	if (!request.body) return new Uint8Array();
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > maxBytes) {
			await reader.cancel().catch(() => {});
			throw overCap();
		}
		chunks.push(value);
	}
	return concat(chunks, size);
}

/** The body as UTF-8 text, read as `readBodyBytes` does; bytes that are not UTF-8 are a 400. */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
	const bytes = await readBodyBytes(request, maxBytes);
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new HttpProblem('invalid_request_error', 'request body is not valid UTF-8');
	}
}

function tooLarge(maxBytes: number) {
	return new HttpProblem(
		'request_too_large',
		`Request exceeds the maximum allowed number of bytes (${maxBytes}).`
	);
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
	const out = new Uint8Array(size);
	let offset = 0;
	for (const c of chunks) {
		out.set(c, offset);
		offset += c.byteLength;
	}
	return out;
}

export const MAX_JSON_DEPTH = 64;

/** Deepest bracket nesting in JSON text, skipping strings; one pass, no recursion. */
export function jsonDepth(text: string): number {
	let depth = 0;
	let max = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 92 /* \ */) i++;
			else if (c === 34 /* " */) inString = false;
		} else if (c === 34) inString = true;
		else if (c === 123 || c === 91) max = Math.max(max, ++depth);
		else if (c === 125 || c === 93) depth--;
	}
	return max;
}

/**
 * Parses JSON text, naming where it broke. Keys like `__proto__` stay plain data (JSON.parse
 * never assigns prototypes).
 */
export function parseJsonText(text: string): unknown {
	if (text.trim() === '')
		throw new HttpProblem('invalid_request_error', 'request body is empty; expected a JSON object');
	// Deeper values would overflow the stack of whatever serializes them later.
	if (jsonDepth(text) > MAX_JSON_DEPTH)
		throw new HttpProblem(
			'invalid_request_error',
			`request body is nested more than ${MAX_JSON_DEPTH} levels deep`
		);
	try {
		return JSON.parse(text);
	} catch (e) {
		// Name where it broke but do not echo the body back (it may hold anything).
		const position = /position (\d+)/.exec((e as Error).message)?.[1];
		const where = position ? ` at position ${position}` : '';
		throw new HttpProblem('invalid_request_error', `request body is not valid JSON${where}`);
	}
}

export function validate<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
	if (value === null || typeof value !== 'object' || Array.isArray(value))
		throw new HttpProblem('invalid_request_error', 'request body must be a JSON object');
	const result = schema.safeParse(value);
	if (!result.success) throw new HttpProblem('invalid_request_error', describeIssues(result.error));
	return result.data;
}

/** Kit's own: server code outside routes (the standalone simulator) imports it from here. */
export { json } from '@sveltejs/kit';
