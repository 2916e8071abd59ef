import { describe, expect, it } from 'vitest';
import { costOf, formatUsd } from '$lib/cost';

describe('costOf', () => {
	// claude-3-5-sonnet-20241022: $3 in, $15 out, $3.75 cache write, $0.30 cache read per MTok.
	const usage = { input_tokens: 1000, output_tokens: 500, cache_creation_input_tokens: 2000, cache_read_input_tokens: 10_000 };

	it('prices input, output, cache writes and cache reads separately', () => {
		const c = costOf('claude-3-5-sonnet-20241022', usage)!;
		expect(c.input).toBeCloseTo(0.003, 10);
		expect(c.output).toBeCloseTo(0.0075, 10);
		expect(c.cacheWrite).toBeCloseTo(0.0075, 10);
		expect(c.cacheRead).toBeCloseTo(0.003, 10);
		expect(c.total).toBeCloseTo(0.021, 10);
	});

	it('says what cache reads saved against the full input price', () => {
		expect(costOf('claude-3-5-sonnet-20241022', usage)!.cacheSavings).toBeCloseTo(10_000 * (3 - 0.3) / 1e6, 10);
		expect(costOf('claude-3-5-sonnet-20241022', { input_tokens: 1, output_tokens: 1 })!.cacheSavings).toBe(0);
	});

	it('treats null cache counts as zero', () => {
		const c = costOf('claude-3-5-haiku-20241022', { input_tokens: 1_000_000, output_tokens: 0, cache_creation_input_tokens: null, cache_read_input_tokens: null })!;
		expect(c.total).toBeCloseTo(0.8, 10);
	});

	it('halves every price for batches', () => {
		const normal = costOf('claude-3-opus-20240229', usage)!;
		const batch = costOf('claude-3-opus-20240229', usage, { batch: true })!;
		expect(batch.total).toBeCloseTo(normal.total / 2, 10);
		expect(batch.cacheSavings).toBeCloseTo(normal.cacheSavings / 2, 10);
	});

	it('resolves aliases and returns undefined for a model it has no price for', () => {
		expect(costOf('claude-3-5-sonnet-latest', usage)!.total).toBeCloseTo(0.021, 10);
		expect(costOf('claude-unknown-9', usage)).toBeUndefined();
	});
});

describe('formatUsd', () => {
	it('keeps small amounts readable', () => {
		expect(formatUsd(0)).toBe('$0');
		expect(formatUsd(0.0012)).toBe('$0.001200');
		expect(formatUsd(0.021)).toBe('$0.0210');
	});
});
