import type { ErrorBody } from '$lib/schemas';
import { formatWait } from '$lib/wait';

/** What an API failure says, as plain data (kept in reactive state and in IndexedDB history). */
export interface ApiErrorInfo {
	/** HTTP status; absent when no response arrived (network failure). */
	status?: number;
	/** The API's `error.type` (`rate_limit_error`, ...), or ours: `network_error`, `http_error`. */
	type: string;
	message: string;
	requestId?: string;
	/** Seconds to wait before retrying, from the `retry-after` header. */
	retryAfter?: number;
}

/** The one error the browser's API layer throws for an answer that is not 2xx, or no answer. */
export class ApiError extends Error implements ApiErrorInfo {
	readonly status?: number;
	readonly type: string;
	readonly requestId?: string;
	readonly retryAfter?: number;

	constructor(info: ApiErrorInfo) {
		super(info.message);
		this.name = 'ApiError';
		this.status = info.status;
		this.type = info.type;
		this.requestId = info.requestId;
		this.retryAfter = info.retryAfter;
	}

	/** Plain data, without undefined fields (structured-clone and `toEqual` friendly). */
	toInfo(): ApiErrorInfo {
		const info: ApiErrorInfo = { type: this.type, message: this.message };
		if (this.status !== undefined) info.status = this.status;
		if (this.requestId !== undefined) info.requestId = this.requestId;
		if (this.retryAfter !== undefined) info.retryAfter = this.retryAfter;
		return info;
	}

	/** Builds the error from a non-2xx response, reading its body (the API's shape or any text). */
	static async fromResponse(res: Response): Promise<ApiError> {
		const text = await res.text().catch(() => '');
		return ApiError.fromBody(res.status, res.headers, text, res.statusText);
	}

	static fromBody(status: number, headers: Headers, text: string, statusText = ''): ApiError {
		const header = headerInfo(headers);
		let body: unknown = null;
		try {
			body = JSON.parse(text);
		} catch {
			// not JSON: the text itself is the message
		}
		if (isErrorBody(body)) {
			const { error, request_id } = body;
			const requestId = header.requestId ?? request_id ?? undefined;
			return new ApiError({
				...header,
				status,
				type: error.type,
				message: error.message,
				requestId
			});
		}
		const message = text.slice(0, 500) || statusText || `HTTP ${status}`;
		return new ApiError({ ...header, status, type: 'http_error', message });
	}

	/** A request that got no response at all. */
	static network(cause: unknown): ApiError {
		const message = cause instanceof Error ? cause.message : String(cause);
		return new ApiError({ type: 'network_error', message });
	}
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The API's error shape (ErrorBodySchema), checked by hand: this module is on every page and
 * the shape is small, so it does not pull the schema library into the first page's JS.
 * tests/unit/api/error.test.ts checks that it agrees with the schema.
 */
export function isErrorBody(v: unknown): v is ErrorBody {
	if (!isRecord(v) || v.type !== 'error' || !isRecord(v.error)) return false;
	const { type, message } = v.error;
	const id = v.request_id;
	return (
		typeof type === 'string' &&
		typeof message === 'string' &&
		(id === undefined || id === null || typeof id === 'string')
	);
}

/** request-id and retry-after from a response's headers. */
export function headerInfo(
	headers: Headers | undefined
): Pick<ApiErrorInfo, 'requestId' | 'retryAfter'> {
	const info: Pick<ApiErrorInfo, 'requestId' | 'retryAfter'> = {};
	const requestId = headers?.get('request-id') ?? headers?.get('x-request-id');
	if (requestId) info.requestId = requestId;
	const retryAfter = parseRetryAfter(headers?.get('retry-after-ms'), headers?.get('retry-after'));
	if (retryAfter !== undefined) info.retryAfter = retryAfter;
	return info;
}

/** Seconds from `retry-after-ms`, or `retry-after` as seconds or an HTTP date. */
export function parseRetryAfter(
	ms: string | null | undefined,
	value: string | null | undefined,
	now = Date.now()
): number | undefined {
	if (ms && Number.isFinite(Number(ms))) return Math.max(0, Math.ceil(Number(ms) / 1000));
	if (!value) return undefined;
	if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.ceil(Number(value));
	const at = Date.parse(value);
	return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** One sentence for people: the API's message, and when to try again if the answer said. */
export function toUserMessage(error: unknown): string {
	if (!(error instanceof ApiError)) {
		if (error instanceof Error && error.name === 'AbortError') return 'Stopped.';
		return error instanceof Error ? error.message : String(error);
	}
	const base =
		error.type === 'network_error' ? `Could not reach the server: ${error.message}` : error.message;
	if (error.retryAfter === undefined) return base;
	return `${base.replace(/\.?\s*$/, '.')} Try again in ${formatWait(error.retryAfter)}.`;
}
