import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshPostgresDatabase } from '../../../support/pg-database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEASE_MS, storeSlots } from '$lib/server/guard/store-slots';
import { openStore, type Store } from '$lib/server/store';

/**
 * Concurrency slots as leases in the store: two "instances" (two storeSlots with their own
 * holder, on two connections to one database) share the limit; a release frees the slot; a
 * holder that stops renewing (crashed) loses its leases once they expire.
 */
async function sqliteStores() {
	const dir = mkdtempSync(join(tmpdir(), 'slots-'));
	const file = join(dir, 'db.sqlite');
	const a = await openStore({ sqliteFile: file });
	const b = await openStore({ sqliteFile: file });
	return { a, b, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function postgresStores() {
	const db = await freshPostgresDatabase('slots');
	const a = await openStore({ databaseUrl: db.url, sqliteFile: '' });
	const b = await openStore({ databaseUrl: db.url, sqliteFile: '' });
	return { a, b, cleanup: db.drop };
}

describe.each([
	{ name: 'sqlite', open: sqliteStores },
	{ name: 'postgres', open: postgresStores }
])('slot leases ($name)', ({ open }) => {
	let a: Store;
	let b: Store;
	let cleanup: () => Promise<void>;
	let clock = 1_000_000;
	const now = () => clock;
	beforeAll(async () => {
		({ a, b, cleanup } = await open());
	});
	afterAll(async () => {
		await a?.close();
		await b?.close();
		await cleanup?.();
	});
	const instance = (store: Store, holder: string) =>
		storeSlots(async () => store, { holder, now, heartbeat: false });

	it('shares the limit between two instances, and frees a slot on release', async () => {
		const one = instance(a, 'one');
		const two = instance(b, 'two');
		const first = await one.acquire('ada', 2, 0);
		const second = await two.acquire('ada', 2, 0);
		expect(first).toBeTypeOf('function');
		expect(second).toBeTypeOf('function');
		expect(await one.acquire('ada', 2, 0)).toBeNull();
		expect(await two.acquire('ada', 2, 0)).toBeNull();
		// Other keys are counted apart.
		const bob = await two.acquire('bob', 1, 0);
		expect(bob).toBeTypeOf('function');
		await first!();
		await first!(); // a second release frees nothing more
		const third = await two.acquire('ada', 2, 0);
		expect(third).toBeTypeOf('function');
		expect(await one.acquire('ada', 2, 0)).toBeNull();
		await Promise.all([second!(), third!(), bob!()]);
	});

	it('lets only `limit` of many takers at once through', async () => {
		const takers = [instance(a, 'one'), instance(b, 'two')];
		const results = await Promise.all(
			Array.from({ length: 12 }, (_, i) => takers[i % 2].acquire('race', 3, 0))
		);
		const won = results.filter(Boolean);
		expect(won).toHaveLength(3);
		await Promise.all(won.map((release) => release!()));
	});

	it('reclaims the leases of a holder that stopped renewing, and keeps those renewed', async () => {
		const crashed = instance(a, 'crashed');
		const alive = instance(b, 'alive');
		expect(await crashed.acquire('kim', 2, 0)).toBeTypeOf('function');
		expect(await alive.acquire('kim', 2, 0)).toBeTypeOf('function');
		expect(await alive.acquire('kim', 2, 0)).toBeNull();
		clock += LEASE_MS / 2;
		expect(await alive.renew()).toBe(1);
		clock += LEASE_MS / 2 + 1;
		// The crashed holder's lease has run out; the renewed one has not.
		const taken = await alive.acquire('kim', 2, 0);
		expect(taken).toBeTypeOf('function');
		expect(await alive.acquire('kim', 2, 0)).toBeNull();
	});
});
