import { HttpProblem, type ApiErrorType } from '../http';

/**
 * Faults a caller can ask for, per request with `x-simulator-fault` or globally by config,
 * several joined by commas. Nothing goes wrong unless asked.
 * - a status fault answers with that API error instead of the result: `overloaded`,
 *   `rate_limit`, `api_error`, `timeout`, `invalid_request`, `authentication`, `billing`,
 *   `permission`, `not_found`, `request_too_large`;
 * - `stream_error_after:N[:TYPE]` sends an `error` event (default `overloaded_error`) after N events;
 * - `drop_after:N` cuts the connection after N events; `slow:MS` delays the answer;
 * - `pause_turn`, `refusal` and `context_window_exceeded` end the answer with that stop reason.
 * - `redacted_thinking`: thinking comes back as a `redacted_thinking` block (encrypted reasoning).
 */
export interface Faults {
	status?: StatusFault;
	stop?: StopFault;
	streamError?: { events: number; type: ApiErrorType; message: string };
	dropAfter?: number;
	slowMs?: number;
	redactedThinking?: boolean;
}

const STATUS_FAULTS: Record<
	string,
	{ type: ApiErrorType; message: string; headers?: Record<string, string> }
> = {
	overloaded: {
		type: 'overloaded_error',
		message: 'Overloaded',
		headers: { 'retry-after': '1', 'x-should-retry': 'true' }
	},
	rate_limit: {
		type: 'rate_limit_error',
		message:
			'This request would exceed the rate limit for your organization of 50 requests per minute. ' +
			'Please reduce the request rate or try again later.',
		headers: { 'retry-after': '1' }
	},
	api_error: { type: 'api_error', message: 'Internal server error' },
	timeout: { type: 'timeout_error', message: 'Request timed out' },
	invalid_request: { type: 'invalid_request_error', message: 'Simulated invalid request' },
	authentication: { type: 'authentication_error', message: 'invalid x-api-key' },
	billing: {
		type: 'billing_error',
		message: 'Your credit balance is too low to access the Anthropic API.'
	},
	permission: {
		type: 'permission_error',
		message: 'Your API key does not have permission to use the specified resource.'
	},
	not_found: { type: 'not_found_error', message: 'Not found' },
	request_too_large: {
		type: 'request_too_large',
		message: 'Request exceeds the maximum allowed number of bytes.'
	}
};
export type StatusFault = keyof typeof STATUS_FAULTS;

/** Faults that end a successful answer early, with the stop reason the API gives. */
const STOP_FAULTS = {
	pause_turn: 'pause_turn',
	refusal: 'refusal',
	context_window_exceeded: 'model_context_window_exceeded'
} as const;
export type StopFault = (typeof STOP_FAULTS)[keyof typeof STOP_FAULTS];
const FAULT_NAMES = [...Object.keys(STATUS_FAULTS), ...Object.keys(STOP_FAULTS)];

/** What an `error` event says for each type, as the API words it. */
const STREAM_MESSAGES: Partial<Record<ApiErrorType, string>> = {
	overloaded_error: 'Overloaded',
	api_error: 'Internal server error',
	rate_limit_error: 'Rate limited',
	timeout_error: 'Request timed out'
};

function unknownFault(item: string): HttpProblem {
	return new HttpProblem(
		'invalid_request_error',
		`x-simulator-fault: unknown fault "${item}"; use ${FAULT_NAMES.join(', ')}, redacted_thinking, ` +
			'stream_error_after:N[:TYPE], drop_after:N or slow:MS'
	);
}

export function parseFaults(spec: string | null | undefined): Faults {
	const faults: Faults = {};
	if (!spec) return faults;
	for (const raw of spec.split(',')) {
		const item = raw.trim();
		if (!item) continue;
		const [name, arg, extra] = item.split(':');
		const n = Number(arg);
		if (name === 'redacted_thinking' && arg === undefined) {
			faults.redactedThinking = true;
		} else if (Object.hasOwn(STATUS_FAULTS, name) && arg === undefined) {
			faults.status = name;
		} else if (Object.hasOwn(STOP_FAULTS, name) && arg === undefined) {
			faults.stop = STOP_FAULTS[name as keyof typeof STOP_FAULTS];
		} else if (name === 'stream_error_after' && Number.isInteger(n) && n >= 0) {
			const type = (extra ?? 'overloaded_error') as ApiErrorType;
			const message = Object.hasOwn(STREAM_MESSAGES, type) ? STREAM_MESSAGES[type] : undefined;
			if (!message) throw unknownFault(item);
			faults.streamError = { events: n, type, message };
		} else if (name === 'drop_after' && Number.isInteger(n) && n >= 0 && extra === undefined) {
			faults.dropAfter = n;
		} else if (
			name === 'slow' &&
			Number.isFinite(n) &&
			n >= 0 &&
			n <= 60_000 &&
			extra === undefined
		) {
			faults.slowMs = n;
		} else {
			throw unknownFault(item);
		}
	}
	return faults;
}

/** The HTTP error a status fault stands for, with the headers the API sends with it. */
export function statusFault(kind: StatusFault): {
	problem: HttpProblem;
	headers: Record<string, string>;
} {
	const f = STATUS_FAULTS[kind];
	return { problem: new HttpProblem(f.type, f.message), headers: f.headers ?? {} };
}
