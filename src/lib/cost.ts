import { findModel } from './models';

export interface UsageCounts {
	input_tokens: number;
	output_tokens: number;
	cache_creation_input_tokens?: number | null;
	cache_read_input_tokens?: number | null;
}

export interface Cost {
	input: number;
	output: number;
	cacheWrite: number;
	cacheRead: number;
	total: number;
	/** What cache reads saved against paying full input price for the same tokens. */
	cacheSavings: number;
}

/** Cost in USD of one response's usage; undefined when we have no price for the model. */
export function costOf(model: string, usage: UsageCounts, opts: { batch?: boolean } = {}): Cost | undefined {
	const spec = findModel(model);
	if (!spec) return undefined;
	const factor = (opts.batch ? 0.5 : 1) / 1_000_000;
	const p = spec.price;
	const cacheWriteTokens = usage.cache_creation_input_tokens ?? 0;
	const cacheReadTokens = usage.cache_read_input_tokens ?? 0;
	const input = usage.input_tokens * p.input * factor;
	const output = usage.output_tokens * p.output * factor;
	const cacheWrite = cacheWriteTokens * p.cacheWrite * factor;
	const cacheRead = cacheReadTokens * p.cacheRead * factor;
	return {
		input,
		output,
		cacheWrite,
		cacheRead,
		total: input + output + cacheWrite + cacheRead,
		cacheSavings: cacheReadTokens * (p.input - p.cacheRead) * factor
	};
}

export function formatUsd(value: number): string {
	if (value === 0) return '$0';
	if (value < 0.01) return `$${value.toFixed(6)}`;
	return `$${value.toFixed(4)}`;
}
