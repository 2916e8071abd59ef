import { describe, expect, it } from 'vitest';
import { ApiError, formatWait, toUserMessage } from '$lib/api';
import { isErrorBody, parseRetryAfter } from '$lib/api/error';
import { ErrorBodySchema } from '$lib/schemas';
import { recorded, recordedFiles, recordedJson } from '../../support/fixtures';

const headers = (h: Record<string, string>) => new Headers(h);

describe('ApiError.fromBody', () => {
	it('reads type, message and request-id from a recorded error body and its headers', () => {
		const e = ApiError.fromBody(
			429,
			headers({ 'request-id': 'req_1', 'retry-after': '17' }),
			recorded('error-429-rate_limit_error.json')
		);
		expect(e).toBeInstanceOf(ApiError);
		expect(e.toInfo()).toEqual({
			status: 429,
			type: 'rate_limit_error',
			message: expect.stringContaining('would exceed the rate limit'),
			requestId: 'req_1',
			retryAfter: 17
		});
	});

	it('falls back to the body request_id, then to x-request-id', () => {
		const body = JSON.stringify({
			type: 'error',
			error: { type: 'api_error', message: 'x' },
			request_id: 'req_body'
		});
		expect(ApiError.fromBody(500, headers({}), body).requestId).toBe('req_body');
		expect(ApiError.fromBody(500, headers({ 'x-request-id': 'req_x' }), body).requestId).toBe(
			'req_x'
		);
	});

	it('keeps a body that is not the API shape as an http_error with its text', () => {
		const e = ApiError.fromBody(502, headers({}), '<html>Bad gateway</html>', 'Bad Gateway');
		expect(e.toInfo()).toEqual({
			status: 502,
			type: 'http_error',
			message: '<html>Bad gateway</html>'
		});
		expect(ApiError.fromBody(503, headers({}), '', 'Service Unavailable').message).toBe(
			'Service Unavailable'
		);
		expect(ApiError.fromBody(503, headers({}), '').message).toBe('HTTP 503');
	});
});

describe('retry-after', () => {
	it('parses seconds, milliseconds and HTTP dates', () => {
		const now = Date.parse('2026-11-30T12:00:00Z');
		expect(parseRetryAfter(null, '30', now)).toBe(30);
		expect(parseRetryAfter('1500', '30', now)).toBe(2);
		expect(parseRetryAfter(null, 'Mon, 30 Nov 2026 12:01:30 GMT', now)).toBe(90);
		expect(parseRetryAfter(null, 'soon', now)).toBeUndefined();
		expect(parseRetryAfter(null, null, now)).toBeUndefined();
	});

	it('says a wait in words', () => {
		expect(formatWait(12)).toBe('12 s');
		expect(formatWait(245)).toBe('4 min 5 s');
		expect(formatWait(300)).toBe('5 min');
		expect(formatWait(10 * 3600 + 11 * 60 + 20)).toBe('10 h 11 min');
		expect(formatWait(3600)).toBe('1 h');
		expect(formatWait(2 * 86400 + 3 * 3600)).toBe('2 d 3 h');
	});
});

describe('toUserMessage', () => {
	it('adds when to try again', () => {
		const e = new ApiError({
			status: 429,
			type: 'rate_limit_error',
			message: 'Daily token budget used up',
			retryAfter: 36_660
		});
		expect(toUserMessage(e)).toBe('Daily token budget used up. Try again in 10 h 11 min.');
	});
	it('names a network failure and passes other errors through', () => {
		expect(toUserMessage(ApiError.network(new TypeError('Failed to fetch')))).toBe(
			'Could not reach the server: Failed to fetch'
		);
		expect(toUserMessage(new Error('disk full'))).toBe('disk full');
		expect(toUserMessage('odd')).toBe('odd');
	});
});

describe('isErrorBody', () => {
	const made: unknown[] = [
		{ type: 'error', error: { type: 'x_error', message: 'm' } },
		{ type: 'error', error: { type: 'x_error', message: 'm' }, request_id: null },
		{
			type: 'error',
			error: { type: 'x_error', message: 'm', extra: 1 },
			request_id: 'req_1',
			more: 2
		},
		{ type: 'error', error: { type: 'x_error', message: 'm' }, request_id: 7 },
		{ type: 'error', error: { type: 'x_error' } },
		{ type: 'error', error: { type: 1, message: 'm' } },
		{ type: 'error', error: ['x'] },
		{ type: 'error', error: null },
		{ type: 'message', error: { type: 'x_error', message: 'm' } },
		[{ type: 'error' }],
		'error',
		null,
		undefined
	];
	const recordedBodies = recordedFiles('.json')
		.filter((f) => f.startsWith('error-') && !f.endsWith('.headers.json'))
		.map((f) => recordedJson(f));

	it('accepts every recorded error body', () => {
		expect(recordedBodies.length).toBeGreaterThan(3);
		for (const body of recordedBodies) expect(isErrorBody(body)).toBe(true);
	});

	it('agrees with ErrorBodySchema, which it stands in for in the browser', () => {
		for (const body of [...made, ...recordedBodies])
			expect(isErrorBody(body), JSON.stringify(body)).toBe(ErrorBodySchema.safeParse(body).success);
		expect(made.filter(isErrorBody)).toHaveLength(3);
	});
});
