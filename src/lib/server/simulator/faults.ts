import { HttpProblem } from '../http';

/**
 * Faults a caller can ask for, per request with `x-simulator-fault` or globally by config:
 * `overloaded | rate_limit | api_error | timeout | stream_error_after:N | drop_after:N | slow:MS`,
 * several joined by commas. Nothing goes wrong unless asked.
 */
export interface Faults {
	status?: 'overloaded' | 'rate_limit' | 'api_error' | 'timeout';
	streamErrorAfter?: number;
	dropAfter?: number;
	slowMs?: number;
}

const STATUS_FAULTS = ['overloaded', 'rate_limit', 'api_error', 'timeout'] as const;

export function parseFaults(spec: string | null | undefined): Faults {
	const faults: Faults = {};
	if (!spec) return faults;
	for (const raw of spec.split(',')) {
		const item = raw.trim();
		if (!item) continue;
		const [name, arg] = item.split(':');
		const n = Number(arg);
		if ((STATUS_FAULTS as readonly string[]).includes(name) && arg === undefined) {
			faults.status = name as Faults['status'];
		} else if (name === 'stream_error_after' && Number.isInteger(n) && n >= 0) {
			faults.streamErrorAfter = n;
		} else if (name === 'drop_after' && Number.isInteger(n) && n >= 0) {
			faults.dropAfter = n;
		} else if (name === 'slow' && Number.isFinite(n) && n >= 0 && n <= 60_000) {
			faults.slowMs = n;
		} else {
			throw new HttpProblem(
				'invalid_request_error',
				`x-simulator-fault: unknown fault "${item}"; use overloaded, rate_limit, api_error, timeout, stream_error_after:N, drop_after:N or slow:MS`
			);
		}
	}
	return faults;
}

/** The HTTP error a status fault stands for, with the headers the API sends with it. */
export function statusFault(kind: NonNullable<Faults['status']>): { problem: HttpProblem; headers: Record<string, string> } {
	switch (kind) {
		case 'overloaded':
			return { problem: new HttpProblem('overloaded_error', 'Overloaded'), headers: { 'retry-after': '1', 'x-should-retry': 'true' } };
		case 'rate_limit':
			return {
				problem: new HttpProblem('rate_limit_error', 'This request would exceed the rate limit for your organization of 50 requests per minute. Please reduce the request rate or try again later.'),
				headers: { 'retry-after': '1' }
			};
		case 'timeout':
			return { problem: new HttpProblem('timeout_error', 'Request timed out'), headers: {} };
		case 'api_error':
			return { problem: new HttpProblem('api_error', 'Internal server error'), headers: {} };
	}
}
