import { costOf } from '$lib/cost';
import type { ResultRow, ResultType } from './results';

export interface ResultTotals {
	counts: Record<ResultType, number>;
	inputTokens: number;
	outputTokens: number;
	cacheWriteTokens: number;
	cacheReadTokens: number;
	/** USD at batch prices (50% off); null when a model has no known price. */
	cost: number | null;
}

/** Counts, token sums and batch-priced cost over the rows. */
export function resultTotals(rows: readonly ResultRow[]): ResultTotals {
	const counts: Record<ResultType, number> = { succeeded: 0, errored: 0, canceled: 0, expired: 0, malformed: 0 };
	const byModel = new Map<string, { input_tokens: number; output_tokens: number; cache_creation_input_tokens: number; cache_read_input_tokens: number }>();
	const t = { inputTokens: 0, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0 };
	for (const r of rows) {
		counts[r.type]++;
		if (r.type !== 'succeeded') continue;
		t.inputTokens += r.inputTokens;
		t.outputTokens += r.outputTokens;
		t.cacheWriteTokens += r.cacheWriteTokens;
		t.cacheReadTokens += r.cacheReadTokens;
		let u = byModel.get(r.model);
		if (!u) byModel.set(r.model, (u = { input_tokens: 0, output_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 }));
		u.input_tokens += r.inputTokens;
		u.output_tokens += r.outputTokens;
		u.cache_creation_input_tokens += r.cacheWriteTokens;
		u.cache_read_input_tokens += r.cacheReadTokens;
	}
	let cost: number | null = 0;
	for (const [model, usage] of byModel) {
		const c = costOf(model, usage, { batch: true });
		cost = c && cost !== null ? cost + c.total : null;
	}
	return { counts, ...t, cost };
}
