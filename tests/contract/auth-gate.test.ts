import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppProcess } from '../support/servers';

const PASSCODE = 'correct horse battery';
let app: AppProcess;
let proxied: AppProcess;

beforeAll(async () => {
	[app, proxied] = await Promise.all([
		startApp({ PLAYGROUND_PASSCODE: PASSCODE, SESSION_SECRET: 'test-session-secret-0123456789' }),
		startApp({ TRUSTED_USER_HEADER: 'x-forwarded-user', TRUSTED_PROXIES: '127.0.0.1' })
	]);
});
afterAll(async () => {
	await Promise.all([app?.stop(), proxied?.stop()]);
});

const message = JSON.stringify({
	model: 'claude-haiku-4-5-20251001',
	max_tokens: 10,
	messages: [{ role: 'user', content: 'hi' }]
});

async function login(name: string, passcode: string, client = app) {
	return fetch(client.url + '/login?next=%2Fhistory', {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			origin: client.url
		},
		body: new URLSearchParams({ name, passcode })
	});
}

describe('passcode gate', () => {
	it('answers API routes with 401 in the API error shape and pages with a redirect to login', async () => {
		const api = await fetch(app.url + '/api/v1/messages', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: message
		});
		expect(api.status).toBe(401);
		expect((await api.json()).error.type).toBe('authentication_error');
		const page = await fetch(app.url + '/batches?x=1', { redirect: 'manual' });
		expect(page.status).toBe(303);
		expect(page.headers.get('location')).toBe('/login?next=%2Fbatches%3Fx%3D1');
	});

	it('keeps the health check and the login page open', async () => {
		expect((await fetch(app.url + '/api/health')).status).toBe(200);
		expect((await fetch(app.url + '/login')).status).toBe(200);
	});

	it('signs in with the passcode, setting a signed HttpOnly SameSite=Lax cookie, and lets the user in', async () => {
		const res = await login('Ada', PASSCODE);
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/history');
		const cookie = res.headers.get('set-cookie')!;
		expect(cookie).toMatch(/^playground_session=/);
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
		expect(cookie).toMatch(/Max-Age=\d+/i);
		expect(cookie).not.toMatch(/Secure/i); // no https ORIGIN here; see isHttps
		const session = cookie.split(';')[0];
		const api = await fetch(app.url + '/api/v1/messages', {
			method: 'POST',
			headers: { 'content-type': 'application/json', cookie: session },
			body: message
		});
		expect(api.status).toBe(200);
		const page = await fetch(app.url + '/', { headers: { cookie: session } });
		expect(await page.text()).toContain('Ada');
		const forged = session.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
		expect((await fetch(app.url + '/api/v1/models', { headers: { cookie: forged } })).status).toBe(
			401
		);
	});

	it('signs out by clearing the cookie', async () => {
		const session = (await login('Ada', PASSCODE)).headers.get('set-cookie')!.split(';')[0];
		const res = await fetch(app.url + '/logout', {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: app.url, cookie: session }
		});
		expect(res.status).toBe(303);
		expect(res.headers.get('set-cookie') ?? '').toMatch(/playground_session=;/);
	});

	it('sends a CSP that allows only our own scripts, and frame/referrer/type headers', async () => {
		const res = await fetch(app.url + '/login');
		const csp = res.headers.get('content-security-policy')!;
		expect(csp).toMatch(/script-src 'self'( 'nonce-[^']+')*;/);
		expect(csp).toContain("frame-ancestors 'none'");
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('referrer-policy')).toBe('same-origin');
		const api = await fetch(app.url + '/api/health');
		expect(api.headers.get('content-security-policy')).toContain("default-src 'none'");
	});

	// Last: it uses up this client's login attempts for the minute.
	it('refuses a wrong passcode and rate limits repeated tries', async () => {
		const statuses: number[] = [];
		for (let i = 0; i < 7; i++) statuses.push((await login('Mallory', 'wrong passcode')).status);
		expect(statuses.slice(0, 2)).toEqual([401, 401]);
		expect(statuses.at(-1)).toBe(429);
	});
});

describe('trusted proxy identity', () => {
	it('accepts the user header from a configured proxy address', async () => {
		const res = await fetch(proxied.url + '/', {
			headers: { 'x-forwarded-user': 'grace@example.com' }
		});
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('grace@example.com');
	});
	it('answers 401 without the header', async () => {
		expect((await fetch(proxied.url + '/api/v1/models')).status).toBe(401);
	});
});

describe('start-up', () => {
	it('fails with one line naming a bad setting', () => {
		const run = spawnSync(process.execPath, ['scripts/start.js'], {
			env: { PATH: process.env.PATH, PORT: 'eighty' },
			encoding: 'utf8',
			timeout: 20_000
		});
		expect(run.status).not.toBe(0);
		expect(run.stderr.trim().split('\n')).toContain(
			'Invalid setting PORT: Invalid input: expected number, received NaN'
		);
	});
});
