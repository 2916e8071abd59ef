import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshPostgresDatabase } from '../../support/pg-database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../src/lib/server/store';

/**
 * One contract, two backends. PostgreSQL comes from scripts/start-postgres.sh via
 * TEST_DATABASE_URL (npm test sets it); without it this suite fails rather than skipping.
 */
interface Backend {
	name: string;
	open(): Promise<{ store: Store; cleanup(): Promise<void> }>;
}

const sqlite: Backend = {
	name: 'sqlite',
	async open() {
		const dir = mkdtempSync(join(tmpdir(), 'store-test-'));
		const store = await openStore({ sqliteFile: join(dir, 'nested', 'test.sqlite') });
		return { store, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
	}
};

const postgres: Backend = {
	name: 'postgres',
	async open() {
		// A fresh database per run, so the migration runs from scratch each time.
		const db = await freshPostgresDatabase('store');
		const store = await openStore({ databaseUrl: db.url, sqliteFile: '' });
		return { store, cleanup: db.drop };
	}
};

describe.each([sqlite, postgres])('store contract ($name)', (backend) => {
	let store: Store;
	let cleanup: () => Promise<void>;

	beforeAll(async () => {
		({ store, cleanup } = await backend.open());
	});
	afterAll(async () => {
		await store?.close();
		await cleanup?.();
	});

	it('reports which backend it is', () => {
		expect(store.kind).toBe(backend.name);
	});

	it('saves a permalink once and returns it unchanged', async () => {
		const p = {
			id: 'abcDEF1234',
			document: '{"version":1,"ü":"✓"}',
			createdAt: '2026-01-02T03:04:05.000Z',
			createdBy: 'ana'
		};
		expect(await store.savePermalink(p)).toBe('created');
		expect(await store.savePermalink({ ...p, document: '{"other":true}', createdBy: 'bo' })).toBe(
			'exists'
		);
		expect(await store.getPermalink('abcDEF1234')).toEqual(p);
		expect(await store.getPermalink('missing000')).toBeUndefined();
	});

	it('indexes batches newest first, filtered by creator', async () => {
		const base = { label: 'eval', template: '{"model":"m"}' };
		await store.recordBatch({
			...base,
			batchId: 'msgbatch_1',
			createdBy: 'ana',
			createdAt: '2026-01-01T00:00:00.000Z'
		});
		await store.recordBatch({
			...base,
			batchId: 'msgbatch_2',
			createdBy: 'bo',
			createdAt: '2026-01-02T00:00:00.000Z'
		});
		await store.recordBatch({
			...base,
			batchId: 'msgbatch_3',
			createdBy: 'ana',
			createdAt: '2026-01-03T00:00:00.000Z'
		});
		expect((await store.listBatches()).map((b) => b.batchId)).toEqual([
			'msgbatch_3',
			'msgbatch_2',
			'msgbatch_1'
		]);
		expect((await store.listBatches({ createdBy: 'ana', limit: 1 })).map((b) => b.batchId)).toEqual(
			['msgbatch_3']
		);
		expect(await store.getBatch('msgbatch_2')).toEqual({
			...base,
			batchId: 'msgbatch_2',
			createdBy: 'bo',
			createdAt: '2026-01-02T00:00:00.000Z'
		});
		expect(await store.getBatch('nope')).toBeUndefined();
	});

	it('adds usage per user and day without losing concurrent adds', async () => {
		expect(await store.getUsage('ana', '2026-01-01')).toEqual({
			inputTokens: 0,
			outputTokens: 0,
			reservedTokens: 0
		});
		await Promise.all(
			Array.from({ length: 20 }, () =>
				store.addUsage('ana', '2026-01-01', { input_tokens: 10, output_tokens: 3 })
			)
		);
		await store.addUsage('ana', '2026-01-02', { input_tokens: 5_000_000_000, output_tokens: 1 });
		expect(await store.getUsage('ana', '2026-01-01')).toEqual({
			inputTokens: 200,
			outputTokens: 60,
			reservedTokens: 0
		});
		expect(await store.getUsage('ana', '2026-01-02')).toEqual({
			inputTokens: 5_000_000_000,
			outputTokens: 1,
			reservedTokens: 0
		});
		expect(await store.getUsage('bo', '2026-01-01')).toEqual({
			inputTokens: 0,
			outputTokens: 0,
			reservedTokens: 0
		});
	});

	it('increments rate counters atomically per key and window', async () => {
		const window = 1_767_225_600_000; // beyond 32-bit: a real ms timestamp
		const counts = await Promise.all(
			Array.from({ length: 25 }, () => store.incrementRate('ip:1', window))
		);
		expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
		expect(await store.incrementRate('ip:1', window + 60_000)).toBe(1);
		expect(await store.incrementRate('ip:2', window)).toBe(1);
		expect(await store.pruneRates(window + 1)).toBe(2);
		expect(await store.incrementRate('ip:1', window)).toBe(1);
	});

	it('keeps API tokens by hash, lists them per user and revokes them', async () => {
		const t = {
			id: 'tok_1',
			user: 'ana',
			name: 'laptop',
			hash: 'a'.repeat(64),
			createdAt: '2026-01-01T00:00:00.000Z'
		};
		await store.createApiToken(t);
		await store.createApiToken({ ...t, id: 'tok_2', hash: 'b'.repeat(64), name: 'ci' });
		await expect(store.createApiToken({ ...t, id: 'tok_3' })).rejects.toThrow();
		expect(await store.findApiToken('a'.repeat(64))).toEqual({ ...t, revokedAt: null });
		expect(await store.revokeApiToken('tok_1', 'bo', '2026-01-05T00:00:00.000Z')).toBe(false);
		expect(await store.revokeApiToken('tok_1', 'ana', '2026-01-05T00:00:00.000Z')).toBe(true);
		expect(await store.revokeApiToken('tok_1', 'ana', '2026-01-06T00:00:00.000Z')).toBe(false);
		expect(await store.findApiToken('a'.repeat(64))).toBeUndefined();
		const listed = await store.listApiTokens('ana');
		expect(listed.map((x) => [x.id, x.revokedAt])).toEqual([
			['tok_1', '2026-01-05T00:00:00.000Z'],
			['tok_2', null]
		]);
		expect(await store.listApiTokens('bo')).toEqual([]);
	});

	it('holds budget reservations atomically and settles them into usage', async () => {
		const day = '2026-11-30';
		const results = await Promise.all(
			Array.from({ length: 10 }, () => store.reserveUsage('res', day, 60, 200))
		);
		expect(results.filter(Boolean)).toHaveLength(3);
		expect((await store.getUsage('res', day)).reservedTokens).toBe(180);
		// The ledger's input is every prompt token read: cache writes and reads count.
		const cached = { cache_creation_input_tokens: 10, cache_read_input_tokens: 25 };
		await store.settleUsage('res', day, 60, { input_tokens: 5, ...cached, output_tokens: 5 });
		expect(await store.getUsage('res', day)).toEqual({
			inputTokens: 40,
			outputTokens: 5,
			reservedTokens: 120
		});
		// A release of more than is held never goes below zero.
		await store.settleUsage('res', day, 500, { input_tokens: 0, output_tokens: 0 });
		expect((await store.getUsage('res', day)).reservedTokens).toBe(0);
		expect(await store.reserveUsage('res', day, 1000, null)).toBe(true);
		expect((await store.listUsage(day)).find((u) => u.user === 'res')?.reservedTokens).toBe(1000);
	});

	it('keeps sessions server-side: found while active, gone once revoked or expired', async () => {
		await store.createSession({
			idHash: 'h1',
			user: 'ses',
			address: '10.0.0.1',
			createdAt: '2026-11-30T00:00:00Z',
			expiresAt: '2026-12-07T00:00:00Z'
		});
		await store.createSession({
			idHash: 'h2',
			user: 'ses',
			address: '',
			createdAt: '2026-11-30T00:00:00Z',
			expiresAt: '2026-12-07T00:00:00Z'
		});
		expect((await store.findSession('h1', '2026-11-30T12:00:00Z'))?.user).toBe('ses');
		expect(await store.findSession('h1', '2026-12-08T00:00:00Z')).toBeUndefined();
		expect(await store.revokeSessions({ idHash: 'h1' }, 'now')).toBe(1);
		expect(await store.findSession('h1', '2026-11-30T12:00:00Z')).toBeUndefined();
		expect((await store.listSessions('2026-11-30T12:00:00Z')).map((x) => x.idHash)).toContain('h2');
		expect(await store.revokeSessions({ user: 'ses' }, 'now')).toBe(1);
		expect(await store.findSession('h2', '2026-11-30T12:00:00Z')).toBeUndefined();
	});

	it('settles a batch hold once, whoever claims it first', async () => {
		await store.recordBatchReservation({
			batchId: 'b1',
			user: 'bat',
			day: '2026-11-30',
			reservedTokens: 900
		});
		expect((await store.openBatchReservations()).map((r) => r.batchId)).toContain('b1');
		const claims = await Promise.all([
			store.claimBatchReservation('b1', 'now'),
			store.claimBatchReservation('b1', 'now')
		]);
		expect(claims.filter(Boolean)).toEqual([
			{ batchId: 'b1', user: 'bat', day: '2026-11-30', reservedTokens: 900 }
		]);
		expect((await store.openBatchReservations()).map((r) => r.batchId)).not.toContain('b1');
		expect(await store.countOwned('api_tokens', 'nobody')).toBe(0);
	});

	it('keeps saved prompts as numbered versions and removes a prompt with all of them', async () => {
		const first = {
			name: 'P',
			document: '{"request":{}}',
			createdBy: 'ana',
			createdAt: '2026-01-01'
		};
		const mk = (id: string) => ({ id, owner: 'ana', shared: true, createdAt: '2026-01-01' });
		await store.prompts.create(mk('promptAAAAAA'), first);
		await store.prompts.create(mk('promptBBBBBB'), { ...first, name: 'Q' });
		const second = await store.prompts.addVersion('promptAAAAAA', { ...first, name: 'P2' });
		expect(second.version).toBe(2);
		expect((await store.prompts.versions('promptAAAAAA')).map((v) => v.name)).toEqual(['P2', 'P']);

		expect(await store.prompts.remove('promptAAAAAA')).toBe(true);
		expect(await store.prompts.get('promptAAAAAA')).toBeUndefined();
		expect(await store.prompts.versions('promptAAAAAA')).toEqual([]);
		expect((await store.prompts.list()).map((p) => p.id)).toEqual(['promptBBBBBB']);
		expect(await store.prompts.remove('promptAAAAAA')).toBe(false);
		expect(await store.prompts.versions('promptBBBBBB')).toHaveLength(1);
	});

	it('keeps evaluations per creator, updates them in place, and shares immutable snapshots', async () => {
		const base = {
			name: 'Cities',
			document: '{"v":1}',
			createdBy: 'eva',
			updatedBy: 'eva',
			createdAt: 't1',
			updatedAt: 't1'
		};
		await store.saveEvaluation({ ...base, id: 'evalAAAAAA' });
		await store.saveEvaluation({ ...base, id: 'evalBBBBBB', createdBy: 'otto', updatedBy: 'otto' });
		await store.saveEvaluation({
			...base,
			id: 'evalAAAAAA',
			name: 'Cities 2',
			document: '{"v":2}',
			createdBy: 'x',
			updatedBy: 'eva2',
			updatedAt: 't2'
		});
		const got = await store.getEvaluation('evalAAAAAA');
		expect(got).toEqual({
			...base,
			id: 'evalAAAAAA',
			name: 'Cities 2',
			document: '{"v":2}',
			updatedBy: 'eva2',
			updatedAt: 't2'
		});
		expect((await store.listEvaluations({ createdBy: 'eva' })).map((e) => e.id)).toEqual([
			'evalAAAAAA'
		]);
		expect(await store.getEvaluation('missing000')).toBeUndefined();
		const share = { id: 'shareAAAAA', document: '{"s":1}', createdAt: 't3', createdBy: 'eva' };
		expect(await store.saveEvaluationShare(share)).toBe('created');
		expect(await store.saveEvaluationShare({ ...share, document: '{"s":2}' })).toBe('exists');
		expect((await store.getEvaluationShare('shareAAAAA'))?.document).toBe('{"s":1}');
	});
});

describe('store migrations', () => {
	it('reopen an existing SQLite file without redoing or losing anything', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'store-reopen-'));
		const file = join(dir, 'p.sqlite');
		const first = await openStore({ sqliteFile: file });
		await first.savePermalink({
			id: 'keep123456',
			document: '{}',
			createdAt: 'now',
			createdBy: 'ana'
		});
		await first.close();
		const second = await openStore({ sqliteFile: file });
		expect((await second.getPermalink('keep123456'))?.createdBy).toBe('ana');
		await second.close();
		rmSync(dir, { recursive: true, force: true });
	});
});
