import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { HttpProblem } from '$lib/server/http';
import { openStore, type Store } from '$lib/server/store';

const stores: Store[] = [];
afterAll(async () => {
	await Promise.all(stores.map((s) => s.close()));
});

async function open(maxBytes?: number) {
	const dir = mkdtempSync(join(tmpdir(), 'resilience-'));
	const file = join(dir, 'data', 'db.sqlite');
	const store = await openStore({ sqliteFile: file, sqliteMaxBytes: maxBytes });
	stores.push(store);
	return { store, file, dir: join(dir, 'data') };
}

const usage = { input_tokens: 5, output_tokens: 5 };

describe('the store under faults', () => {
	it('waits for a lock held by another process without blocking the event loop', async () => {
		const { store, file } = await open();
		const other = new Database(file);
		other.exec('BEGIN EXCLUSIVE');
		let ticks = 0;
		let ticking = true;
		const tick = () => {
			ticks++;
			if (ticking) setImmediate(tick);
		};
		setImmediate(tick);
		const write = store.addUsage('ada', '2026-11-30', usage);
		// The write is waiting; the loop keeps turning meanwhile. Release the lock after a few turns.
		await new Promise<void>((resolve) => {
			const release = () => {
				if (ticks < 50) return setImmediate(release);
				other.exec('COMMIT');
				resolve();
			};
			setImmediate(release);
		});
		await write;
		ticking = false;
		other.close();
		expect(ticks).toBeGreaterThanOrEqual(50);
		expect((await store.getUsage('ada', '2026-11-30')).inputTokens).toBe(5);
	});

	it('gives up on a lock that is never released with a 503 in the API shape', async () => {
		const { file } = await open();
		const store = await openStore({ sqliteFile: file });
		stores.push(store);
		const other = new Database(file);
		other.exec('BEGIN EXCLUSIVE');
		const failed = await store
			.savePermalink({ id: 'x', document: '{}', createdAt: 'now', createdBy: 'ada' })
			.catch((e) => e);
		other.exec('ROLLBACK');
		other.close();
		expect(failed).toBeInstanceOf(HttpProblem);
		expect(failed.status).toBe(503);
		expect(await failed.toResponse().json()).toMatchObject({
			type: 'error',
			error: {
				type: 'api_error',
				message: expect.stringMatching(
					/could not save the permalink because its database is locked/
				)
			}
		});
		expect(
			await store.savePermalink({ id: 'x', document: '{}', createdAt: 'now', createdBy: 'ada' })
		).toBe('created');
	}, 20_000);

	it('answers a full store with a 503 at once, and keeps reading', async () => {
		const { store } = await open(256 * 1024);
		const big = 'x'.repeat(16 * 1024);
		let failed: unknown;
		let saved = 0;
		for (let i = 0; i < 40 && !failed; i++)
			failed = await store
				.savePermalink({ id: `p${i}`, document: big, createdAt: 'now', createdBy: 'ada' })
				.then(
					() => void saved++,
					(e) => e
				);
		expect(saved).toBeGreaterThan(0);
		expect(failed).toBeInstanceOf(HttpProblem);
		expect((failed as HttpProblem).status).toBe(503);
		expect((failed as HttpProblem).message).toMatch(/its storage is full \(SQLITE_FULL\)/);
		expect((await store.getPermalink('p0'))?.createdBy).toBe('ada');
	});

	it('answers a saved prompt that does not fit a full store with a 503', async () => {
		const { store } = await open(256 * 1024);
		const big = 'x'.repeat(16 * 1024);
		let failed: unknown;
		for (let i = 0; i < 40 && !failed; i++)
			failed = await store.prompts
				.create(
					{ id: `prompt${i}`, owner: 'ada', shared: true, createdAt: 'now' },
					{ name: 'P', document: big, createdBy: 'ada', createdAt: 'now' }
				)
				.then(
					() => undefined,
					(e) => e
				);
		expect(failed).toBeInstanceOf(HttpProblem);
		expect((failed as HttpProblem).status).toBe(503);
		expect((failed as HttpProblem).message).toMatch(/its storage is full \(SQLITE_FULL\)/);
		expect(await store.prompts.get('prompt0')).toMatchObject({ owner: 'ada' });
	});

	it('creates the data folder 0700 and the database file 0600', async () => {
		const { file, dir } = await open();
		expect(statSync(dir).mode & 0o777).toBe(0o700);
		expect(statSync(file).mode & 0o777).toBe(0o600);
	});
});
