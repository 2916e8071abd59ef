import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startApp, type AppProcess } from '../support/servers';

/**
 * Fault injection against the built server: a locked database, a full one (SQLITE_MAX_MB caps
 * the file, so SQLite answers SQLITE_FULL exactly as on a full disk; no root needed), kill -9
 * in the middle of writes, and an oversized login body.
 */
const proxy = { TRUSTED_USER_HEADER: 'x-forwarded-user', TRUSTED_PROXIES: '127.0.0.1' };
const apps: AppProcess[] = [];
afterAll(async () => {
	await Promise.all(apps.map((a) => a.stop()));
});
async function app(env: Record<string, string>) {
	const a = await startApp({ ...proxy, ...env });
	apps.push(a);
	return a;
}

const body = (content = 'Tell me about Paris') =>
	JSON.stringify({
		model: 'claude-haiku-4-5-20251001',
		max_tokens: 20,
		messages: [{ role: 'user', content }]
	});
const post = (a: AppProcess, path: string, payload: string, user = 'ada') =>
	fetch(a.url + path, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-forwarded-user': user },
		body: payload
	});
const permalink = (n: number, pad = 0) =>
	JSON.stringify({
		request: {
			model: 'claude-haiku-4-5-20251001',
			max_tokens: 10,
			messages: [{ role: 'user', content: `permalink ${n} ${'x'.repeat(pad)}` }]
		}
	});
const usage = async (a: AppProcess, user: string) =>
	(await fetch(a.url + '/api/usage', { headers: { 'x-forwarded-user': user } })).json();
const alive = async (a: AppProcess) => (await fetch(a.url + '/api/health')).status === 200;

function rssKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
	const line = readFileSync(`/proc/${pid}/status`, 'utf8')
		.split('\n')
		.find((l) => l.startsWith(field + ':'))!;
	return Number(/(\d+)/.exec(line)![1]);
}

describe('a locked database', () => {
	it('answers the message, keeps its usage for later, and stays up and responsive', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'fault-lock-'));
		const a = await app({ DATA_DIR: dir });
		const other = new Database(join(dir, 'playground.sqlite'));
		other.exec('BEGIN EXCLUSIVE');
		const answer = post(a, '/api/v1/messages', body());
		// The event loop is free while the usage write waits for the lock.
		expect(await alive(a)).toBe(true);
		const res = await answer;
		expect(res.status).toBe(200);
		const message = await res.json();
		await new Promise((r) => setTimeout(r, 8000));
		expect(await alive(a)).toBe(true);
		other.exec('COMMIT');
		other.close();
		// The queued usage write lands once the lock is gone.
		await expect
			.poll(async () => (await usage(a, 'ada')).used, { timeout: 30_000, interval: 500 })
			.toBe(message.usage.input_tokens + message.usage.output_tokens);
		expect((await post(a, '/api/v1/messages', body())).status).toBe(200);
	}, 60_000);

	it('with a budget to check: a clear 503 in the API shape, then fine once released', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'fault-lock-budget-'));
		const a = await app({ DATA_DIR: dir, DAILY_TOKEN_BUDGET: '100000' });
		const other = new Database(join(dir, 'playground.sqlite'));
		other.exec('BEGIN EXCLUSIVE');
		const res = await post(a, '/api/v1/messages', body());
		other.exec('COMMIT');
		other.close();
		expect(res.status).toBe(503);
		const error = await res.json();
		expect(error.type).toBe('error');
		expect(error.error.type).toBe('api_error');
		expect(error.error.message).toMatch(/database is locked/);
		expect((await post(a, '/api/v1/messages', body())).status).toBe(200);
		expect(await alive(a)).toBe(true);
	}, 60_000);
});

describe('a full disk', () => {
	it('refuses writes with a 503 in the API shape, never crashes, and keeps answering messages', async () => {
		const a = await app({ SQLITE_MAX_MB: '1' });
		let full: Response | undefined;
		const saved: string[] = [];
		for (let i = 0; i < 40 && !full; i++) {
			const res = await post(a, '/api/permalinks', permalink(i, 100_000));
			if (res.status === 201) saved.push((await res.json()).id);
			else full = res;
		}
		expect(saved.length).toBeGreaterThan(0);
		expect(full?.status).toBe(503);
		expect((await full!.json()).error).toMatchObject({
			type: 'api_error',
			message: expect.stringMatching(/storage is full/)
		});
		// Messages are still answered (their usage waits in the retry queue), again and again.
		for (let i = 0; i < 3; i++)
			expect((await post(a, '/api/v1/messages', body())).status).toBe(200);
		expect(await alive(a)).toBe(true);
		// What was saved before the disk filled still reads back.
		expect(
			(
				await fetch(`${a.url}/api/permalinks/${saved[0]}`, {
					headers: { 'x-forwarded-user': 'ada' }
				})
			).status
		).toBe(200);
	}, 60_000);
});

describe('kill -9 in the middle of writes', () => {
	it('loses nothing that was acknowledged: permalinks and a batch survive a restart', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'fault-kill-'));
		const a = await startApp({ ...proxy, DATA_DIR: dir });
		const acknowledged: string[] = [];
		const burst = Array.from({ length: 40 }, (_, i) =>
			post(a, '/api/permalinks', permalink(i))
				.then(async (r) => (r.status === 201 ? acknowledged.push((await r.json()).id) : undefined))
				.catch(() => undefined)
		);
		const batch = post(
			a,
			'/api/v1/messages/batches',
			JSON.stringify({ requests: [{ custom_id: 'k', params: JSON.parse(body()) }] })
		).then(
			async (r) => (r.status === 200 ? ((await r.json()).id as string) : undefined),
			() => undefined
		);
		await Promise.race([Promise.all(burst), new Promise((r) => setTimeout(r, 150))]);
		const batchId = await batch;
		process.kill(a.pid, 'SIGKILL');
		await Promise.all(burst);
		const b = await app({ DATA_DIR: dir });
		expect(acknowledged.length).toBeGreaterThan(0);
		for (const id of acknowledged)
			expect(
				(await fetch(`${b.url}/api/permalinks/${id}`, { headers: { 'x-forwarded-user': 'ada' } }))
					.status,
				id
			).toBe(200);
		if (batchId) {
			const res = await fetch(`${b.url}/api/v1/messages/batches/${batchId}`, {
				headers: { 'x-forwarded-user': 'ada' }
			});
			expect(res.status).toBe(200);
		}
	}, 60_000);
});

describe('kill -9 with usage writes waiting for the store', () => {
	it('replays every refused write on the next start: the usage of each answer is recorded', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'fault-journal-'));
		const a = await startApp({ ...proxy, DATA_DIR: dir });
		const other = new Database(join(dir, 'playground.sqlite'));
		other.exec('BEGIN EXCLUSIVE');
		const answers = await Promise.all(
			['ada', 'ada', 'bo'].map(async (user, i) => {
				const res = await post(a, '/api/v1/messages', body(`Question ${i} about Paris`), user);
				expect(res.status).toBe(200);
				return { user, usage: (await res.json()).usage };
			})
		);
		// Each usage write gives up on the lock after a few seconds and goes to the journal.
		const journal = join(dir, 'pending-writes.jsonl');
		const journaled = () =>
			existsSync(journal)
				? readFileSync(journal, 'utf8')
						.split('\n')
						.filter((l) => l.includes('"kind":"usage"')).length
				: 0;
		await expect.poll(journaled, { timeout: 30_000, interval: 200 }).toBe(3);
		process.kill(a.pid, 'SIGKILL');
		await a.stop();
		other.exec('COMMIT');
		other.close();
		const b = await app({ DATA_DIR: dir });
		const expected = (user: string) =>
			answers
				.filter((x) => x.user === user)
				.reduce((n, x) => n + x.usage.input_tokens + x.usage.output_tokens, 0);
		for (const user of ['ada', 'bo'])
			await expect
				.poll(async () => (await usage(b, user)).used, { timeout: 20_000, interval: 250 })
				.toBe(expected(user));
		// Replayed once: the journal is emptied, and a further restart adds nothing.
		await expect.poll(journaled, { timeout: 10_000, interval: 200 }).toBe(0);
		await b.stop();
		const c = await app({ DATA_DIR: dir });
		expect((await usage(c, 'ada')).used).toBe(expected('ada'));
	}, 90_000);
});

describe('an oversized login body', () => {
	it('gets a 413 without the server growing by more than 60 MB', async () => {
		const a = await app({ PLAYGROUND_USERS: 'ada:ada-secret-123' });
		const before = rssKb(a.pid, 'VmRSS');
		const res = await fetch(a.url + '/login', {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: a.url },
			body: 'name=ada&passcode=' + 'x'.repeat(50 * 1024 * 1024)
		});
		expect(res.status).toBe(413);
		expect((await res.json()).error.type).toBe('request_too_large');
		const peak = rssKb(a.pid, 'VmHWM');
		expect(peak - before).toBeLessThan(60 * 1024);
		expect(await alive(a)).toBe(true);
	}, 60_000);
});
