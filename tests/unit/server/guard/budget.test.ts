import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '$lib/server/config';
import { reserveBudget } from '$lib/server/guard/budget';
import { durableQueue } from '$lib/server/guard/durable';
import { describeWrite, performWrite, type DurableWrite } from '$lib/server/guard/durable-writes';
import type { UsageLedger } from '$lib/server/guard/ledger';
import { memorySlots } from '$lib/server/guard/ledger';
import { LimitProblem } from '$lib/server/guard/limits';
import { storeCounter, storeLedger } from '$lib/server/guard/store-backed';
import { openStore, type Store } from '$lib/server/store';

const stores: Store[] = [];
/** A retry queue without a journal, writing through `ledger`. */
const queue = (ledger: UsageLedger) =>
	durableQueue<DurableWrite>({
		perform: (w) => performWrite(w, { ledger }),
		describe: describeWrite
	});
async function deps() {
	const store = await openStore({
		sqliteFile: join(mkdtempSync(join(tmpdir(), 'budget-')), 'db.sqlite')
	});
	stores.push(store);
	const get = async () => store;
	const ledger = storeLedger(get);
	return { store, counter: storeCounter(get), ledger, slots: memorySlots(), writes: queue(ledger) };
}
afterAll(async () => {
	await Promise.all(stores.map((s) => s.close()));
});

const config = loadConfig({ DAILY_TOKEN_BUDGET: '200000' });
const worst = { inputTokens: 59_000, maxTokens: 1_000 };

describe('the budget as a reservation', () => {
	it('lets at most budget / worst case of 20 parallel requests through', async () => {
		const d = await deps();
		const results = await Promise.allSettled(
			Array.from({ length: 20 }, () => reserveBudget('ada', worst, config, d))
		);
		const accepted = results.filter((r) => r.status === 'fulfilled');
		expect(accepted).toHaveLength(3);
		const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
		expect(refused.reason).toBeInstanceOf(LimitProblem);
		expect(refused.reason.message).toMatch(/may use up to 60000 \(input estimate \+ max_tokens\)/);
		const day = new Date().toISOString().slice(0, 10);
		expect(await d.ledger.heldOn('ada', day)).toBe(180_000);
	});

	it('swaps the hold for the real usage on completion, and charges the hold for a cut answer', async () => {
		const d = await deps();
		const day = new Date().toISOString().slice(0, 10);
		const done = await reserveBudget('bea', worst, config, d);
		await done.settle({ input_tokens: 58_000, output_tokens: 300 });
		await done.settle({ input_tokens: 1, output_tokens: 1 }); // a second settle is ignored
		expect(await d.ledger.usedOn('bea', day)).toBe(58_300);
		expect(await d.ledger.heldOn('bea', day)).toBe(0);
		const cut = await reserveBudget('bea', worst, config, d);
		// Cache reads and writes are input tokens for the budget.
		const cachedInput = { cache_creation_input_tokens: 7_000, cache_read_input_tokens: 50_000 };
		await cut.settle({ input_tokens: 1_000, ...cachedInput, output_tokens: 20 }, false);
		expect(await d.ledger.usedOn('bea', day)).toBe(58_300 + 58_000 + 1_000);
		const unknown = await reserveBudget('bea', { inputTokens: 10, maxTokens: 5 }, config, d);
		await unknown.settle(null, false);
		expect(await d.ledger.usedOn('bea', day)).toBe(58_300 + 59_000 + 15);
	});

	it('keeps a settle that failed in the retry queue instead of throwing, and writes it later', async () => {
		const d = await deps();
		const day = new Date().toISOString().slice(0, 10);
		const r = await reserveBudget('cy', { inputTokens: 100, maxTokens: 50 }, config, d);
		let failures = 1;
		const ledger = {
			...d.ledger,
			settle: async (...args: Parameters<typeof d.ledger.settle>) => {
				if (failures-- > 0) throw Object.assign(new Error('disk full'), { code: 'SQLITE_FULL' });
				return d.ledger.settle(...args);
			}
		};
		const flaky = { ...d, ledger, writes: queue(ledger) };
		const r2 = await reserveBudget('cy', { inputTokens: 100, maxTokens: 50 }, config, flaky);
		await expect(r2.settle({ input_tokens: 90, output_tokens: 10 })).resolves.toBeUndefined();
		expect(flaky.writes.pending()).toHaveLength(1);
		// Still held while the write waits: the budget stays conservative.
		expect(await d.ledger.heldOn('cy', day)).toBe(300);
		await flaky.writes.flush();
		expect(flaky.writes.pending()).toHaveLength(0);
		expect(await d.ledger.usedOn('cy', day)).toBe(100);
		await r.settle({ input_tokens: 1, output_tokens: 1 });
		expect(await d.ledger.heldOn('cy', day)).toBe(0);
	});

	it('holds nothing without a budget but still records usage', async () => {
		const d = await deps();
		const day = new Date().toISOString().slice(0, 10);
		const r = await reserveBudget('dee', worst, loadConfig({}), d);
		expect(r.tokens).toBe(0);
		await r.settle({ input_tokens: 7, output_tokens: 3 });
		expect(await d.ledger.usedOn('dee', day)).toBe(10);
	});
});
