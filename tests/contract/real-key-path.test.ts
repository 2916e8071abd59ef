import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { recorded, recordedFiles } from '../support/fixtures';
import { startReplayServer, type ReplayRecord } from '../support/replay-server';
import { CANARY_KEY, startApp, type AppProcess } from '../support/servers';

/**
 * The "real key" path without the internet: the app runs with a canary key and
 * ANTHROPIC_BASE_URL pointed at a server replaying real recorded API traffic.
 */
let app: AppProcess;
let replay: { url: string; records: ReplayRecord[]; server: Server };

beforeAll(async () => {
	replay = await startReplayServer();
	app = await startApp({ ANTHROPIC_API_KEY: CANARY_KEY, ANTHROPIC_BASE_URL: replay.url });
});
afterAll(async () => {
	await app?.stop();
	await new Promise((r) => replay?.server.close(r));
});

function send(userId: string, headers: Record<string, string> = {}, signal?: AbortSignal) {
	return fetch(app.url + '/api/v1/messages', {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: JSON.stringify({
			model: 'claude-haiku-4-5',
			max_tokens: 50,
			stream: true,
			metadata: { user_id: userId },
			messages: [{ role: 'user', content: 'hi' }]
		}),
		signal
	});
}

describe('proxy with a real key', () => {
	it.each(recordedFiles('.sse'))(
		'passes the recorded stream %s through byte for byte',
		async (file) => {
			const res = await send(`replay:${file}`);
			expect(res.status).toBe(200);
			expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
			expect(res.headers.get('request-id')).toBe('req_replay');
			expect(res.headers.get('anthropic-ratelimit-requests-remaining')).toBe('41');
			const bytes = Buffer.from(await res.arrayBuffer());
			expect(bytes.equals(Buffer.from(recorded(file)))).toBe(true);
		}
	);

	it('sends the server key, forwards anthropic-beta, and never forwards the client key or auth', async () => {
		await (
			await send('replay:stream-text-ping.sse', {
				'x-api-key': 'client-key',
				authorization: 'Bearer client-token',
				cookie: 'a=b',
				'anthropic-beta': 'prompt-caching-2024-07-31'
			})
		).arrayBuffer();
		const seen = replay.records.at(-1)!;
		// SDK 1.x sends the key as a bearer credential; the client's own key and token never pass.
		const credential = seen.headers['x-api-key'] ?? seen.headers['authorization'];
		expect([CANARY_KEY, `Bearer ${CANARY_KEY}`]).toContain(credential);
		expect(JSON.stringify(seen.headers)).not.toContain('client-key');
		expect(JSON.stringify(seen.headers)).not.toContain('client-token');
		expect(seen.headers['cookie']).toBeUndefined();
		expect(seen.headers['anthropic-beta']).toBe('prompt-caching-2024-07-31');
		expect(seen.url).toBe('/v1/messages');
	});

	it.each([
		[429, 'error-429-rate_limit_error.json'],
		[529, 'error-529-overloaded_error.json'],
		[401, 'error-401-authentication_error.json'],
		[404, 'error-404-not_found_error.json'],
		[400, 'error-400-invalid_request_error.json']
	])(
		'passes a recorded %i error on with its status, body and retry headers',
		async (status, file) => {
			const res = await send(`error:${status}:${file}`);
			expect(res.status).toBe(status);
			expect(res.headers.get('retry-after')).toBe('7');
			expect(res.headers.get('request-id')).toBe('req_replay_err');
			expect(await res.json()).toEqual(JSON.parse(recorded(file)));
		}
	);

	it('aborts the upstream request within a second of the client going away', async () => {
		const abort = new AbortController();
		const res = await send('slow', {}, abort.signal);
		const reader = res.body!.getReader();
		await reader.read();
		const record = replay.records.at(-1)!;
		expect(record.closedEarly).toBe(false);
		abort.abort();
		await expect.poll(() => record.closedEarly, { timeout: 1000, interval: 20 }).toBe(true);
	});

	it('never shows the key in a page, a response or a log line', async () => {
		const bodies: string[] = [];
		for (const path of ['/', '/api/health', '/api/v1/models', '/api/v1/nope']) {
			const res = await fetch(app.url + path);
			bodies.push(await res.text(), JSON.stringify([...res.headers]));
		}
		const err = await send('error:401:error-401-authentication_error.json');
		bodies.push(await err.text(), JSON.stringify([...err.headers]));
		const bad = await fetch(app.url + '/api/v1/messages', {
			method: 'POST',
			body: `{"model": "${CANARY_KEY}"`
		});
		bodies.push(await bad.text());
		for (const b of bodies) expect(b).not.toContain(CANARY_KEY);
		expect(app.output()).not.toContain(CANARY_KEY);
		expect(readFileSync(inject('appLogFile'), 'utf8')).not.toContain(CANARY_KEY);
	});
});
