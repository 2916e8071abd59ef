import { describe, expect, it } from 'vitest';
import { parseFaults, statusFault } from '../../../../src/lib/server/simulator/faults';
import { ERROR_STATUS, HttpProblem } from '../../../../src/lib/server/http';

describe('parseFaults', () => {
	it('reads stream errors with and without a type', () => {
		expect(parseFaults('stream_error_after:3').streamError).toEqual({
			events: 3,
			type: 'overloaded_error',
			message: 'Overloaded'
		});
		expect(parseFaults('stream_error_after:0:api_error').streamError).toMatchObject({
			events: 0,
			type: 'api_error'
		});
	});

	it('combines faults', () => {
		expect(parseFaults('drop_after:2, slow:10')).toEqual({ dropAfter: 2, slowMs: 10 });
	});

	it.each([
		'stream_error_after:3:bogus_error',
		'stream_error_after:3:constructor',
		'toString',
		'drop_after:-1',
		'drop_after:1:x',
		'slow:999999'
	])('rejects %s as a bad request', (spec) => {
		expect(() => parseFaults(spec)).toThrow(HttpProblem);
	});

	it('maps every status fault to its error type and status', () => {
		const kinds = [
			'invalid_request',
			'authentication',
			'billing',
			'permission',
			'not_found',
			'request_too_large',
			'rate_limit',
			'api_error',
			'timeout',
			'overloaded'
		];
		const statuses = kinds.map((k) => statusFault(parseFaults(k).status!).problem.status);
		expect(statuses).toEqual([400, 401, 402, 403, 404, 413, 429, 500, 504, 529]);
		for (const k of kinds)
			expect(ERROR_STATUS[statusFault(k).problem.type]).toBe(statusFault(k).problem.status);
		expect(statusFault('rate_limit').headers['retry-after']).toBe('1');
		expect(statusFault('overloaded').headers['retry-after']).toBe('1');
	});
});
