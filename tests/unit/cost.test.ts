import { describe, expect, it } from 'vitest';
import { costOf, formatUsd } from '$lib/catalog';

describe('costOf', () => {
	// claude-sonnet-4-6: $3 in, $15 out, $3.75 5-minute write, $6 1-hour write, $0.30 read per MTok.
	const usage = {
		input_tokens: 1000,
		output_tokens: 500,
		cache_creation_input_tokens: 2000,
		cache_read_input_tokens: 10_000
	};

	it('prices input, output, cache writes and cache reads separately', () => {
		const c = costOf('claude-sonnet-4-6', usage)!;
		expect(c.input).toBeCloseTo(0.003, 10);
		expect(c.output).toBeCloseTo(0.0075, 10);
		expect(c.cacheWrite).toBeCloseTo(0.0075, 10);
		expect(c.cacheRead).toBeCloseTo(0.003, 10);
		expect(c.total).toBeCloseTo(0.021, 10);
	});

	it('prices 1-hour cache writes at 2x input and 5-minute ones at 1.25x', () => {
		const split = {
			...usage,
			cache_creation: { ephemeral_5m_input_tokens: 500, ephemeral_1h_input_tokens: 1500 }
		};
		expect(costOf('claude-sonnet-4-6', split)!.cacheWrite).toBeCloseTo(
			(500 * 3.75 + 1500 * 6) / 1e6,
			10
		);
	});

	it('reads at the model’s own price (Sonnet 5.5 reads at 0.05x since 2026-10-07)', () => {
		const c = costOf('claude-sonnet-5-5', {
			input_tokens: 0,
			output_tokens: 0,
			cache_read_input_tokens: 1_000_000
		})!;
		expect(c.cacheRead).toBeCloseTo(0.1, 10);
	});

	it('says what cache reads saved against the full input price', () => {
		expect(costOf('claude-sonnet-4-6', usage)!.cacheSavings).toBeCloseTo(
			(10_000 * (3 - 0.3)) / 1e6,
			10
		);
		expect(costOf('claude-sonnet-4-6', { input_tokens: 1, output_tokens: 1 })!.cacheSavings).toBe(
			0
		);
	});

	it('treats null cache counts as zero', () => {
		const c = costOf('claude-haiku-4-5', {
			input_tokens: 1_000_000,
			output_tokens: 0,
			cache_creation_input_tokens: null,
			cache_read_input_tokens: null
		})!;
		expect(c.total).toBeCloseTo(1, 10);
	});

	it('halves every price for batches', () => {
		const normal = costOf('claude-opus-5', usage)!;
		const batch = costOf('claude-opus-5', usage, { batch: true })!;
		expect(batch.total).toBeCloseTo(normal.total / 2, 10);
		expect(batch.cacheSavings).toBeCloseTo(normal.cacheSavings / 2, 10);
	});

	it('bills thinking as output and shows its share', () => {
		const c = costOf('claude-opus-5', {
			input_tokens: 0,
			output_tokens: 1000,
			output_tokens_details: { thinking_tokens: 400 }
		})!;
		expect(c.output).toBeCloseTo((1000 * 25) / 1e6, 10);
		expect(c.thinking).toBeCloseTo((400 * 25) / 1e6, 10);
		expect(c.total).toBeCloseTo(c.output, 10);
	});

	it('prices every token of a Haiku 5.5 request by the prompt-length band', () => {
		const small = costOf('claude-haiku-5-5', { input_tokens: 100_000, output_tokens: 1000 })!;
		expect(small.total).toBeCloseTo((100_000 * 0.1 + 1000 * 0.5) / 1e6, 10);
		// Cached tokens count toward the prompt length too.
		const large = costOf('claude-haiku-5-5', {
			input_tokens: 50_000,
			cache_read_input_tokens: 50_001,
			output_tokens: 1000
		})!;
		expect(large.input).toBeCloseTo((50_000 * 0.5) / 1e6, 10);
		expect(large.output).toBeCloseTo((1000 * 2.5) / 1e6, 10);
		expect(large.cacheRead).toBeCloseTo((50_001 * 0.05) / 1e6, 10);
	});

	it('adds web search fees per 1,000 searches, web fetch free', () => {
		const c = costOf('claude-sonnet-4-6', {
			input_tokens: 0,
			output_tokens: 0,
			server_tool_use: { web_search_requests: 3, web_fetch_requests: 5 }
		})!;
		expect(c.serverTools).toBeCloseTo(0.03, 10);
		expect(c.total).toBeCloseTo(0.03, 10);
	});

	it('resolves aliases and returns undefined for a model it has no price for', () => {
		expect(costOf('claude-sonnet-4-5', usage)!.total).toBeCloseTo(0.021, 10);
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
