import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postLogin, signIn } from '../support/login';
import { startApp, type AppProcess } from '../support/servers';

// Each user has their own secret; ceo@corp is an SSO identity no passcode may take.
const USERS = 'ada:ada-secret-123,bob:bob-secret-456';
// Guests only: it may sign in names nobody owns, never ada, bob, ceo@corp or an invited name.
const TEAM_PASSCODE = 'team-passcode-789';
let app: AppProcess;

beforeAll(async () => {
	app = await startApp({
		PLAYGROUND_USERS: USERS,
		RESERVED_NAMES: 'ceo@corp',
		ADMIN_USERS: 'ada',
		PLAYGROUND_PASSCODE: TEAM_PASSCODE,
		SIMULATOR_BATCH_SECONDS_PER_REQUEST: '0.01'
	});
});
afterAll(() => app?.stop());

const message = JSON.stringify({
	model: 'claude-haiku-4-5-20251001',
	max_tokens: 10,
	messages: [{ role: 'user', content: 'hi' }]
});
const api = (path: string, cookie: string, init: RequestInit = {}) =>
	fetch(app.url + path, {
		...init,
		headers: { 'content-type': 'application/json', origin: app.url, cookie, ...init.headers }
	});

describe('identities', () => {
	it('signs each user in with their own secret only; nobody takes another name or a reserved one', async () => {
		expect((await postLogin(app, 'ada', 'ada-secret-123')).status).toBe(303);
		expect((await postLogin(app, 'bob', 'ada-secret-123')).status).toBe(401);
		expect((await postLogin(app, 'ceo@corp', 'ada-secret-123')).status).toBe(401);
		expect((await postLogin(app, 'mallory', 'bob-secret-456')).status).toBe(401);
		for (const owned of ['ada', 'Bob', 'ceo@corp'])
			expect((await postLogin(app, owned, TEAM_PASSCODE)).status).toBe(401);
		expect((await postLogin(app, 'mallory', TEAM_PASSCODE)).status).toBe(303);
	});

	it('counts only failures towards the login limit, per name', async () => {
		for (let i = 0; i < 8; i++)
			expect((await postLogin(app, 'bob', 'bob-secret-456')).status).toBe(303);
		for (let i = 0; i < 5; i++)
			expect((await postLogin(app, 'nobody-known', 'wrong-secret')).status).toBe(401);
		expect((await postLogin(app, 'nobody-known', 'wrong-secret')).status).toBe(429);
		// The lockout is for that name: others sign in from the same address.
		expect((await postLogin(app, 'bob', 'bob-secret-456')).status).toBe(303);
	});

	it('ends the session on logout over plain http: no Secure on the clearing cookie, a replay gets 401', async () => {
		const cookie = await signIn(app, 'ada', 'ada-secret-123');
		expect((await api('/api/v1/messages', cookie, { method: 'POST', body: message })).status).toBe(
			200
		);
		const out = await fetch(app.url + '/logout', {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: app.url, cookie }
		});
		expect(out.status).toBe(303);
		const cleared = out.headers.get('set-cookie')!;
		expect(cleared).toMatch(/^playground_session=;/);
		expect(cleared).toMatch(/Max-Age=0/i);
		expect(cleared).not.toMatch(/Secure/i);
		const replay = await api('/api/v1/messages', cookie, { method: 'POST', body: message });
		expect(replay.status).toBe(401);
		expect((await replay.json()).error.type).toBe('authentication_error');
	});

	it('refuses a newline or a tab trick in next without a 500', async () => {
		for (const next of ['/%0a/evil.example', '/%09/evil.example', '%2F%09%2Fevil.example']) {
			const res = await fetch(`${app.url}/login?next=${next}`);
			expect(res.status).toBe(200);
		}
		const res = await fetch(app.url + '/login?next=' + encodeURIComponent('/\t/evil.example'), {
			method: 'POST',
			redirect: 'manual',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html',
				origin: app.url
			},
			body: new URLSearchParams({ name: 'ada', passcode: 'ada-secret-123' })
		});
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/');
	});
});

describe('ownership', () => {
	it("shows a second user none of the first user's batches, templates or tokens; they change none", async () => {
		const ada = await signIn(app, 'ada', 'ada-secret-123');
		const bob = await signIn(app, 'bob', 'bob-secret-456');
		const template = encodeURIComponent(
			JSON.stringify({ model: 'claude-haiku-4-5-20251001', secret: 'ada-only' })
		);
		const created = await api('/api/v1/messages/batches', ada, {
			method: 'POST',
			headers: { 'x-playground-batch-label': 'ada batch', 'x-playground-batch-template': template },
			body: JSON.stringify({
				requests: [
					{
						custom_id: 'a',
						params: {
							model: 'claude-haiku-4-5-20251001',
							max_tokens: 10,
							messages: [{ role: 'user', content: 'hi' }]
						}
					}
				]
			})
		});
		expect(created.status).toBe(200);
		const id = (await created.json()).id as string;

		expect((await api(`/api/v1/messages/batches/${id}`, ada)).status).toBe(200);
		const mine = await (await api('/api/v1/messages/batches', ada)).json();
		expect(mine.data.map((b: { id: string }) => b.id)).toContain(id);

		const theirs = await (await api('/api/v1/messages/batches', bob)).json();
		expect(theirs.data.map((b: { id: string }) => b.id)).not.toContain(id);
		for (const [path, method] of [
			[`/api/v1/messages/batches/${id}`, 'GET'],
			[`/api/v1/messages/batches/${id}/results`, 'GET'],
			[`/api/v1/messages/batches/${id}/cancel`, 'POST'],
			[`/api/v1/messages/batches/${id}`, 'DELETE']
		]) {
			const res = await api(path, bob, { method });
			expect(res.status, `${method} ${path}`).toBe(404);
			expect((await res.json()).error.type).toBe('not_found_error');
		}
		const index = await (await api(`/api/batch-index?ids=${id}&include=template`, bob)).json();
		expect(index.data).toEqual({});
		const own = await (await api(`/api/batch-index?ids=${id}&include=template`, ada)).json();
		expect(own.data[id].template.secret).toBe('ada-only');

		// Tokens: bob's settings list none of ada's, and cannot revoke hers.
		const form = (cookie: string, action: string, fields: Record<string, string>) =>
			fetch(`${app.url}/settings?/${action}`, {
				method: 'POST',
				headers: {
					'content-type': 'application/x-www-form-urlencoded',
					accept: 'text/html',
					origin: app.url,
					cookie
				},
				body: new URLSearchParams(fields)
			});
		await form(ada, 'create', { name: 'ada script' });
		const adaPage = await (await fetch(app.url + '/settings', { headers: { cookie: ada } })).text();
		const tokenId = /tok_[A-Za-z0-9]{12}/.exec(adaPage)?.[0];
		expect(tokenId).toBeDefined();
		const bobPage = await (await fetch(app.url + '/settings', { headers: { cookie: bob } })).text();
		expect(bobPage).not.toContain(tokenId);
		expect(bobPage).not.toContain('ada script');
		expect((await form(bob, 'revoke', { id: tokenId! })).status).toBe(404);
		expect(
			await (await fetch(app.url + '/settings', { headers: { cookie: ada } })).text()
		).toContain(tokenId);
	});
});

describe('the admin view', () => {
	it("shows an admin users, sessions and budgets and ends a user's sessions; others get 404", async () => {
		const ada = await signIn(app, 'ada', 'ada-secret-123');
		const bob = await signIn(app, 'bob', 'bob-secret-456');
		expect((await fetch(app.url + '/admin', { headers: { cookie: bob } })).status).toBe(404);
		const page = await fetch(app.url + '/admin', { headers: { cookie: ada } });
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('Budgets in force');
		expect(html).toContain('bob');
		const revoke = await fetch(app.url + '/admin?/endSessions', {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html',
				origin: app.url,
				cookie: ada
			},
			body: new URLSearchParams({ user: 'bob' })
		});
		expect(revoke.status).toBe(200);
		expect((await api('/api/v1/models', bob)).status).toBe(401);
		expect((await api('/api/v1/models', ada)).status).toBe(200);
	});
});
