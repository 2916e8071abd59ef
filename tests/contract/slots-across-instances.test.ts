import { freshPostgresDatabase } from '../support/pg-database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppProcess } from '../support/servers';

/**
 * Two app instances on one PostgreSQL share MAX_CONCURRENT_STREAMS: the slot is a lease in the
 * store, freed when the stream ends or its client goes away. Needs TEST_DATABASE_URL (npm test).
 */
let apps: AppProcess[] = [];
let database: Awaited<ReturnType<typeof freshPostgresDatabase>> | undefined;

beforeAll(async () => {
	database = await freshPostgresDatabase('slots_apps');
	const env = {
		DATABASE_URL: database.url,
		TRUSTED_USER_HEADER: 'x-forwarded-user',
		TRUSTED_PROXIES: '127.0.0.1',
		MAX_CONCURRENT_STREAMS: '1',
		// Slow enough that the first stream is still open while the second one asks.
		SIMULATOR_TOKENS_PER_SECOND: '5'
	};
	// One after the other: both would run the migrations at once otherwise.
	apps.push(await startApp(env));
	apps.push(await startApp(env));
});
afterAll(async () => {
	await Promise.all(apps.map((a) => a.stop()));
	apps = [];
	await database?.drop();
});

function stream(app: AppProcess, user: string, signal?: AbortSignal) {
	return fetch(app.url + '/api/v1/messages', {
		method: 'POST',
		signal,
		headers: { 'content-type': 'application/json', 'x-forwarded-user': user },
		body: JSON.stringify({
			model: 'claude-haiku-4-5-20251001',
			max_tokens: 400,
			stream: true,
			messages: [{ role: 'user', content: 'Write a long story about a lighthouse keeper.' }]
		})
	});
}

describe('stream slots across instances on PostgreSQL', () => {
	it('refuses a second stream on the other instance, and frees the slot when the first client goes', async () => {
		const [one, two] = apps;
		const first = new AbortController();
		const opened = await stream(one, 'ada', first.signal);
		expect(opened.status).toBe(200);
		const reader = opened.body!.getReader();
		await reader.read(); // the stream is under way

		const refused = await stream(two, 'ada');
		expect(refused.status).toBe(429);
		const body = await refused.json();
		expect(body.error.type).toBe('rate_limit_error');
		expect(body.error.message).toMatch(/ada already has 1 streams open/);
		// Another user is not held back by ada's slot.
		const other = new AbortController();
		expect((await stream(two, 'bob', other.signal)).status).toBe(200);
		other.abort();

		first.abort();
		// The release follows the abort within moments; poll rather than guess a delay.
		let status = 0;
		for (let i = 0; i < 50 && status !== 200; i++) {
			const next = new AbortController();
			const res = await stream(two, 'ada', next.signal);
			status = res.status;
			next.abort();
			if (status !== 200) await new Promise((r) => setTimeout(r, 100));
		}
		expect(status).toBe(200);
	});
});
