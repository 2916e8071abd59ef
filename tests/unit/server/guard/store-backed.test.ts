import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '$lib/server/store';
import { storeCounter, storeLedger } from '$lib/server/guard/store-backed';

const stores: Store[] = [];
async function sqlite(): Promise<Store> {
	const s = await openStore({
		sqliteFile: join(mkdtempSync(join(tmpdir(), 'guard-store-')), 'db.sqlite')
	});
	stores.push(s);
	return s;
}
afterAll(async () => {
	await Promise.all(stores.map((s) => s.close()));
});

describe('limits kept in the store', () => {
	it('counts hits per key and window, across two counters sharing one store', async () => {
		const store = await sqlite();
		const a = storeCounter(async () => store);
		const b = storeCounter(async () => store);
		expect(await a.hit('rpm:ada', 60_000, 1_000)).toBe(1);
		expect(await b.hit('rpm:ada', 60_000, 2_000)).toBe(2);
		expect(await a.hit('rpm:ada', 60_000, 61_000)).toBe(1);
		expect(await a.hit('login:1.2.3.4', 60_000, 1_000)).toBe(1);
		// Same key, different window sizes, never mixed.
		expect(await a.hit('rpm:ada', 1_000, 2_000)).toBe(1);
	});

	it('adds usage per user and day, seen by every ledger on the store', async () => {
		const store = await sqlite();
		const one = storeLedger(async () => store);
		const two = storeLedger(async () => store);
		await one.add('ada', '2026-11-25', { input_tokens: 100, output_tokens: 20 });
		await two.add('ada', '2026-11-25', { input_tokens: 5, output_tokens: 5 });
		await one.add('ada', '2026-11-26', { input_tokens: 1, output_tokens: 1 });
		expect(await two.usedOn('ada', '2026-11-25')).toBe(130);
		expect(await one.usedOn('bob', '2026-11-25')).toBe(0);
	});

	it('counts cache writes and reads as input tokens', async () => {
		const store = await sqlite();
		const ledger = storeLedger(async () => store);
		const cached = { cache_creation_input_tokens: 40, cache_read_input_tokens: 500 };
		await ledger.settle('cy', '2026-11-25', 0, { input_tokens: 3, ...cached, output_tokens: 7 });
		expect(await ledger.usedOn('cy', '2026-11-25')).toBe(550);
	});
});
