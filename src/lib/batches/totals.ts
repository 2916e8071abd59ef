import { costOf } from '$lib/catalog';
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

type Usage = {
	input_tokens: number;
	output_tokens: number;
	cache_creation_input_tokens: number;
	cache_read_input_tokens: number;
};

/** Counts, token sums and batch-priced cost, added to as rows stream in (never re-summed from scratch). */
export class TotalsAccumulator {
	#counts: Record<ResultType, number> = {
		succeeded: 0,
		errored: 0,
		canceled: 0,
		expired: 0,
		malformed: 0
	};
	#byModel = new Map<string, Usage>();

	add(rows: readonly ResultRow[]): this {
		for (const r of rows) {
			this.#counts[r.type]++;
			if (r.type !== 'succeeded') continue;
			let u = this.#byModel.get(r.model);
			if (!u)
				this.#byModel.set(
					r.model,
					(u = {
						input_tokens: 0,
						output_tokens: 0,
						cache_creation_input_tokens: 0,
						cache_read_input_tokens: 0
					})
				);
			u.input_tokens += r.inputTokens;
			u.output_tokens += r.outputTokens;
			u.cache_creation_input_tokens += r.cacheWriteTokens;
			u.cache_read_input_tokens += r.cacheReadTokens;
		}
		return this;
	}

	snapshot(): ResultTotals {
		const t: ResultTotals = {
			counts: { ...this.#counts },
			inputTokens: 0,
			outputTokens: 0,
			cacheWriteTokens: 0,
			cacheReadTokens: 0,
			cost: 0
		};
		for (const [model, u] of this.#byModel) {
			t.inputTokens += u.input_tokens;
			t.outputTokens += u.output_tokens;
			t.cacheWriteTokens += u.cache_creation_input_tokens;
			t.cacheReadTokens += u.cache_read_input_tokens;
			const c = costOf(model, u, { batch: true });
			t.cost = c && t.cost !== null ? t.cost + c.total : null;
		}
		return t;
	}
}
