import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { freshPostgresDatabase } from '../../support/pg-database';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '$lib/server/store';
import { MIGRATIONS, migrate } from '$lib/server/store/migrations';
import { openPostgres } from '$lib/server/store/postgres';
import { openSqlite } from '$lib/server/store/sqlite';

/**
 * Migrations land from parallel branches, so a database may have run names that sort after one
 * it has not run yet (main ran 010/090/095 before 002_hardening was merged). Every order must
 * migrate, on both backends. PostgreSQL comes from TEST_DATABASE_URL (see store.test.ts).
 */
interface Backend {
	name: 'sqlite' | 'postgres';
	/** A fresh, empty database: its Kysely handle and the options openStore takes for it. */
	fresh(): Promise<{ db: Kysely<unknown>; open: Parameters<typeof openStore>[0] }>;
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
	for (const c of cleanups.reverse()) await c();
});

const sqlite: Backend = {
	name: 'sqlite',
	async fresh() {
		const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
		cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
		const file = join(dir, 'db.sqlite');
		return { db: openSqlite(file) as Kysely<unknown>, open: { sqliteFile: file } };
	}
};

const postgres: Backend = {
	name: 'postgres',
	async fresh() {
		const fresh = await freshPostgresDatabase('migrations');
		cleanups.push(fresh.drop);
		return {
			db: openPostgres(fresh.url) as Kysely<unknown>,
			open: { databaseUrl: fresh.url, sqliteFile: '' }
		};
	}
};

const only = (names: string[]) => Object.fromEntries(names.map((n) => [n, MIGRATIONS[n]]));
const ran = async (db: Kysely<unknown>) =>
	(
		await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)
	).rows.map((r) => r.name);

describe.each([sqlite, postgres])('migrating in any merge order ($name)', (backend) => {
	it('runs a migration whose name sorts before ones the database already ran', async () => {
		const { db, open } = await backend.fresh();
		// What main had before the hardening branch merged.
		await migrate(
			db,
			only(['001_initial', '010_evaluations', '090_file_owners', '095_saved_prompts'])
		);
		await migrate(db);
		expect(await ran(db)).toEqual(Object.keys(MIGRATIONS).sort());
		await db.destroy();
		// The hardening tables work on it: a reservation and a session.
		const store = await openStore(open);
		const day = '2026-01-02';
		expect(await store.reserveUsage('ada', day, 100, 1000)).toBe(true);
		expect((await store.getUsage('ada', day)).reservedTokens).toBe(100);
		await store.close();
	});

	it('runs the others after a database that ran the hardening one first', async () => {
		const { db } = await backend.fresh();
		await migrate(db, only(['001_initial', '002_hardening']));
		await migrate(db);
		expect(await ran(db)).toEqual(Object.keys(MIGRATIONS).sort());
		await db.destroy();
	});

	it('runs every migration on a fresh database, and again changes nothing', async () => {
		const { db } = await backend.fresh();
		await migrate(db);
		await migrate(db);
		expect(await ran(db)).toEqual(Object.keys(MIGRATIONS).sort());
		await db.destroy();
	});
});
