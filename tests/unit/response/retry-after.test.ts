import { describe, expect, it } from 'vitest';
import { formatRetryAfter } from '$lib/response/retry-after';

describe('formatRetryAfter', () => {
	it('reads delay-seconds as a time', () => {
		expect(formatRetryAfter('1')).toBe('in 1 s');
		expect(formatRetryAfter('59')).toBe('in 59 s');
		expect(formatRetryAfter('600')).toBe('in 10 min');
		expect(formatRetryAfter('36666')).toBe('in 10 h 11 min');
		expect(formatRetryAfter('7200')).toBe('in 2 h');
		expect(formatRetryAfter('270000')).toBe('in 3 d 3 h');
	});
	it('reads an HTTP date relative to now', () => {
		const now = new Date('2026-01-01T00:00:00Z');
		expect(formatRetryAfter('Thu, 01 Jan 2026 00:02:00 GMT', now)).toBe('in 2 min');
		expect(formatRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe('in 0 s');
	});
	it('shows anything else unchanged', () => {
		expect(formatRetryAfter('soon')).toBe('soon');
	});
});
