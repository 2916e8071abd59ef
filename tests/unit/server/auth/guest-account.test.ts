import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GUEST_ACCOUNT } from '$lib/server/auth/names';
import { loadConfig } from '$lib/server/config';
import { reserveBudget } from '$lib/server/guard/budget';
import { durableQueue } from '$lib/server/guard/durable';
import { describeWrite, performWrite, type DurableWrite } from '$lib/server/guard/durable-writes';
import { memorySlots } from '$lib/server/guard/ledger';
import { LimitProblem, checkRate, takeStreamSlot } from '$lib/server/guard/limits';
import { storeCounter, storeLedger } from '$lib/server/guard/store-backed';
import { openStore, type Store } from '$lib/server/store';

/** The budget follows the identity: every guest (team passcode) draws on one account. */
const stores: Store[] = [];
async function deps() {
	const store = await openStore({
		sqliteFile: join(mkdtempSync(join(tmpdir(), 'guests-')), 'db.sqlite')
	});
	stores.push(store);
	const get = async () => store;
	const ledger = storeLedger(get);
	return {
		counter: storeCounter(get),
		ledger,
		slots: memorySlots(),
		// No journal: the writes go straight through the ledger.
		writes: durableQueue<DurableWrite>({
			perform: (w) => performWrite(w, { ledger }),
			describe: describeWrite
		})
	};
}
afterAll(async () => {
	await Promise.all(stores.map((s) => s.close()));
});

const config = loadConfig({
	DAILY_TOKEN_BUDGET: '1000',
	REQUESTS_PER_MINUTE: '2',
	MAX_CONCURRENT_STREAMS: '1'
});
const worst = { inputTokens: 100, maxTokens: 500 };
const day = () => new Date().toISOString().slice(0, 10);

describe('guests share one account', () => {
	it('holds a second guest name against the budget the first one used', async () => {
		const d = await deps();
		await reserveBudget('sam (guest)', worst, config, d);
		const refused = await reserveBudget('kim (guest)', worst, config, d).catch((e) => e);
		expect(refused).toBeInstanceOf(LimitProblem);
		expect(refused.message).toContain(GUEST_ACCOUNT);
		expect(await d.ledger.heldOn(GUEST_ACCOUNT, day())).toBe(600);
		// A member's budget is their own.
		await expect(reserveBudget('Ada', worst, config, d)).resolves.toBeDefined();
		expect(await d.ledger.heldOn('Ada', day())).toBe(600);
	});

	it('counts guest names together for the rate and the stream slots', async () => {
		const d = await deps();
		await checkRate('sam (guest)', config, d);
		await checkRate('kim (guest)', config, d);
		await expect(checkRate('lou (guest)', config, d)).rejects.toBeInstanceOf(LimitProblem);
		await expect(checkRate('Ada', config, d)).resolves.toBeUndefined();
		const release = await takeStreamSlot('sam (guest)', config, d);
		await expect(takeStreamSlot('kim (guest)', config, d)).rejects.toBeInstanceOf(LimitProblem);
		await release();
		await expect(takeStreamSlot('kim (guest)', config, d)).resolves.toBeTypeOf('function');
	});
});
