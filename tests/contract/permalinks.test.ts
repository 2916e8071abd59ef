import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openStore } from '../../src/lib/server/store';
import { CANARY_KEY, startApp, type AppProcess } from '../support/servers';

const REQUEST = {
	model: 'claude-haiku-4-5-20251001',
	max_tokens: 64,
	messages: [{ role: 'user', content: 'Hello permalink' }]
};
const MESSAGE = {
	id: 'msg_1',
	type: 'message',
	role: 'assistant',
	model: 'claude-haiku-4-5-20251001',
	content: [{ type: 'text', text: 'Hello back' }],
	stop_reason: 'end_turn',
	stop_sequence: null,
	usage: { input_tokens: 4, output_tokens: 3 }
};
const RESULT = {
	message: MESSAGE,
	events: [{ event: 'message_stop', data: '{"type":"message_stop"}', at: 12.5 }],
	transcript: { steps: [1, 2] }
};

const post = (base: string, body: unknown) =>
	fetch(`${base}/api/permalinks`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: typeof body === 'string' ? body : JSON.stringify(body)
	});

async function expectApiError(res: Response, status: number, type: string, message: RegExp) {
	expect(res.status).toBe(status);
	const body = await res.json();
	expect(body).toMatchObject({
		type: 'error',
		error: { type, message: expect.stringMatching(message) }
	});
}

describe('permalink API', () => {
	const app = inject('appUrl');

	it('saves a request with its result and returns the same id for the same content', async () => {
		const first = await post(app, { request: REQUEST, result: RESULT });
		expect(first.status).toBe(201);
		const { id, url } = await first.json();
		expect(id).toMatch(/^[0-9A-Za-z]{10}$/);
		expect(url).toBe(`/p/${id}`);
		const again = await post(app, { result: RESULT, request: REQUEST });
		expect(again.status).toBe(200);
		expect((await again.json()).id).toBe(id);
		const doc = await (await fetch(`${app}/api/permalinks/${id}`)).json();
		expect(doc).toMatchObject({
			version: 1,
			id,
			request: REQUEST,
			result: RESULT,
			created_by: 'anonymous'
		});
	});

	it.each([
		['not JSON', '{"request":', 400, 'invalid_request_error', /not valid JSON/],
		['no request', { result: RESULT }, 400, 'invalid_request_error', /request/],
		[
			'a bad request field',
			{ request: { ...REQUEST, max_tokens: -1 } },
			400,
			'invalid_request_error',
			/max_tokens/
		],
		[
			'a bad event log',
			{ request: REQUEST, result: { events: [{ event: 'x' }] } },
			400,
			'invalid_request_error',
			/events/
		]
	])('refuses %s with a 4xx in the API error shape', async (_name, body, status, type, message) => {
		await expectApiError(await post(app, body), status, type, message);
	});

	it('refuses a body over 5 MB with a 413', async () => {
		const big = {
			request: {
				...REQUEST,
				messages: [{ role: 'user', content: 'x'.repeat(5 * 1024 * 1024 + 1) }]
			}
		};
		await expectApiError(
			await post(app, big),
			413,
			'request_too_large',
			/maximum allowed number of bytes \(5242880\)/
		);
	});

	it.each([
		['unknown', 'AAAAAAAAAA'],
		['malformed', 'not-an-id!']
	])('answers an %s id with a 404, as JSON and as a page', async (_name, id) => {
		await expectApiError(
			await fetch(`${app}/api/permalinks/${id}`),
			404,
			'not_found_error',
			/No permalink/
		);
		const page = await fetch(`${app}/p/${id}`);
		expect(page.status).toBe(404);
		expect(await page.text()).toContain('There is no shared request with id');
	});
});

describe('permalinks never hold a secret', () => {
	it('strips the server key (a canary) from headers, fields, prompts and events', async () => {
		const keyed = inject('keyedAppUrl');
		const res = await post(keyed, {
			request: {
				...REQUEST,
				'x-api-key': CANARY_KEY,
				metadata: { user_id: CANARY_KEY },
				messages: [{ role: 'user', content: `key ${CANARY_KEY}` }]
			},
			betas: ['prompt-caching-2024-07-31'],
			result: {
				events: [{ event: 'ping', data: `{"authorization":"Bearer ${CANARY_KEY}"}`, at: 1 }],
				transcript: { headers: { authorization: CANARY_KEY, cookie: 'session=1' } }
			}
		});
		expect(res.status).toBe(201);
		const { id } = await res.json();
		const api = await (await fetch(`${keyed}/api/permalinks/${id}`)).text();
		const page = await (await fetch(`${keyed}/p/${id}`)).text();
		for (const text of [api, page]) {
			expect(text).toContain('key [redacted]');
			expect(text).not.toContain(CANARY_KEY);
			expect(text).not.toContain('session=1');
		}
	});
});

describe('permalinks on disk', () => {
	let dataDir: string;
	let app: AppProcess | undefined;

	beforeAll(() => {
		dataDir = mkdtempSync(join(tmpdir(), 'permalink-restart-'));
	});
	afterAll(async () => {
		await app?.stop();
		rmSync(dataDir, { recursive: true, force: true });
	});

	it('survive a restart of the app on the same DATA_DIR', async () => {
		app = await startApp({ DATA_DIR: dataDir });
		const { id } = await (await post(app.url, { request: REQUEST, result: RESULT })).json();
		await app.stop();
		app = await startApp({ DATA_DIR: dataDir });
		const res = await fetch(`${app.url}/api/permalinks/${id}`);
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ id, request: REQUEST, result: RESULT });
	});

	it('report damaged and old-version documents clearly, as JSON and as a page', async () => {
		await app?.stop();
		const store = await openStore({ sqliteFile: join(dataDir, 'playground.sqlite') });
		const row = { createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'ana' };
		await store.savePermalink({ ...row, id: 'Corrupt000', document: '{"version":1,"request":' });
		await store.savePermalink({
			...row,
			id: 'OldVersion',
			document: JSON.stringify({ version: 0, request: REQUEST })
		});
		await store.close();
		app = await startApp({ DATA_DIR: dataDir });
		for (const [id, reason] of [
			['Corrupt000', /not valid JSON/],
			['OldVersion', /format version 0/]
		] as const) {
			await expectApiError(
				await fetch(`${app.url}/api/permalinks/${id}`),
				422,
				'invalid_request_error',
				reason
			);
			const page = await fetch(`${app.url}/p/${id}`);
			expect(page.status).toBe(422);
			const html = await page.text();
			expect(html).toContain('This shared request cannot be opened.');
			expect(html).toMatch(reason);
		}
	});
});
