import { costOf } from '$lib/catalog';
import { sumUsage, type Usage } from '$lib/schemas/usage';
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

const usageOf = (r: ResultRow): Partial<Usage> => ({
	input_tokens: r.inputTokens,
	output_tokens: r.outputTokens,
	cache_creation_input_tokens: r.cacheWriteTokens,
	cache_read_input_tokens: r.cacheReadTokens
});

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
		const added = new Map<string, Partial<Usage>[]>();
		for (const r of rows) {
			this.#counts[r.type]++;
			if (r.type !== 'succeeded') continue;
			const usages = added.get(r.model);
			if (usages) usages.push(usageOf(r));
			else added.set(r.model, [usageOf(r)]);
		}
		for (const [model, usages] of added)
			this.#byModel.set(model, sumUsage([this.#byModel.get(model), ...usages]));
		return this;
	}

	snapshot(): ResultTotals {
		const sum = sumUsage(this.#byModel.values());
		let cost: number | null = 0;
		for (const [model, u] of this.#byModel) {
			const c = costOf(model, u, { batch: true });
			cost = c && cost !== null ? cost + c.total : null;
		}
		return {
			counts: { ...this.#counts },
			inputTokens: sum.input_tokens,
			outputTokens: sum.output_tokens,
			cacheWriteTokens: sum.cache_creation_input_tokens ?? 0,
			cacheReadTokens: sum.cache_read_input_tokens ?? 0,
			cost
		};
	}
}
