import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postLogin, signIn } from '../support/login';
import { startApp, type AppProcess } from '../support/servers';

// ada is the admin (listed); everyone else comes in through an invite, or as a guest.
const TEAM_PASSCODE = 'team-passcode-789';
let app: AppProcess;
let admin: string;

beforeAll(async () => {
	app = await startApp({
		PLAYGROUND_USERS: 'ada:ada-secret-123,bob:bob-secret-456',
		ADMIN_USERS: 'ada',
		RESERVED_NAMES: 'ceo@corp',
		PLAYGROUND_PASSCODE: TEAM_PASSCODE
	});
	admin = await signIn(app, 'ada', 'ada-secret-123');
});
afterAll(() => app?.stop());

function adminForm(action: string, fields: Record<string, string>, cookie = admin) {
	return fetch(`${app.url}/admin?/${action}`, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			origin: app.url,
			cookie
		},
		body: new URLSearchParams(fields)
	});
}

/** Creates an invite on /admin and returns the token from the link shown once. */
async function invite(name: string): Promise<string> {
	const res = await adminForm('invite', { name });
	expect(res.status).toBe(200);
	const token = new RegExp(`${app.url}/invite/([\\w-]{43})`).exec(await res.text())?.[1];
	expect(token).toBeDefined();
	return token!;
}

const accept = (token: string, body: string, headers: Record<string, string> = {}) =>
	fetch(`${app.url}/api/invites/${token}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', origin: app.url, ...headers },
		body
	});

/** The API's error shape with the given status and type, naming what was wrong. */
async function expectApiError(res: Response, status: number, type: string, says: RegExp) {
	expect(res.status).toBe(status);
	const body = await res.json();
	expect(body.type).toBe('error');
	expect(body.error.type).toBe(type);
	expect(body.error.message).toMatch(says);
}

describe('invite links', () => {
	it('sets the invited name’s own secret; from then on the team passcode cannot take the name', async () => {
		// Nobody owns "cleo" yet: the passcode signs in a guest of that name.
		expect((await postLogin(app, 'cleo', TEAM_PASSCODE)).status).toBe(303);
		const token = await invite('cleo');
		// An open invite already holds the name.
		expect((await postLogin(app, 'cleo', TEAM_PASSCODE)).status).toBe(401);

		const info = await fetch(`${app.url}/api/invites/${token}`);
		expect(info.status).toBe(200);
		expect(await info.json()).toMatchObject({ name: 'cleo' });
		const page = await fetch(`${app.url}/invite/${token}`);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('Welcome, cleo');

		await expectApiError(
			await accept(token, JSON.stringify({ secret: 'short' })),
			400,
			'invalid_request_error',
			/^secret: must be 12 to 256 characters/
		);
		const ok = await accept(token, JSON.stringify({ secret: 'cleo own secret' }));
		expect(ok.status).toBe(200);
		expect(await ok.json()).toEqual({ user: 'cleo' });
		const cookie = ok.headers.get('set-cookie')!.split(';')[0];
		expect(cookie).toMatch(/^playground_session=[\w-]{43}$/);
		const usage = await (await fetch(`${app.url}/api/usage`, { headers: { cookie } })).json();
		expect(usage.user).toBe('cleo');

		expect((await postLogin(app, 'Cleo', 'cleo own secret')).status).toBe(303);
		expect((await postLogin(app, 'cleo', TEAM_PASSCODE)).status).toBe(401);

		// The link worked once.
		await expectApiError(
			await accept(token, JSON.stringify({ secret: 'mallory secret 1' })),
			410,
			'not_found_error',
			/already been used/
		);
		await expectApiError(
			await fetch(`${app.url}/api/invites/${token}`),
			410,
			'not_found_error',
			/already been used/
		);
		expect((await fetch(`${app.url}/invite/${token}`)).status).toBe(410);
	});

	it('answers unknown, odd and withdrawn links with a 4xx in the API’s shape, never a 500', async () => {
		for (const token of [
			'x',
			'a'.repeat(43),
			'%00',
			'%E2%80%AE',
			'a'.repeat(3000),
			'..%2F..%2Fadmin'
		]) {
			await expectApiError(
				await fetch(`${app.url}/api/invites/${token}`),
				404,
				'not_found_error',
				/No such invite link/
			);
			expect((await fetch(`${app.url}/invite/${token}`)).status).toBe(404);
		}
		const token = await invite('dan');
		for (const [body, says] of [
			['', /empty/],
			['{"secret":', /not valid JSON/],
			['[1]', /JSON object/],
			['{"secret":12345678901234}', /secret/],
			['{}', /secret/]
		] as const)
			await expectApiError(await accept(token, body), 400, 'invalid_request_error', says);
		await expectApiError(
			await accept(token, JSON.stringify({ secret: 'x'.repeat(5000) })),
			413,
			'request_too_large',
			/maximum allowed number of bytes/
		);
		const html = await (await fetch(`${app.url}/admin`, { headers: { cookie: admin } })).text();
		const id = /name="id" value="(inv_[A-Za-z0-9]{12})"/.exec(html)?.[1];
		expect(id).toBeDefined();
		expect((await adminForm('withdrawInvite', { id: id! })).status).toBe(200);
		await expectApiError(
			await accept(token, JSON.stringify({ secret: 'dan own secret' })),
			410,
			'not_found_error',
			/withdrawn/
		);
		// A withdrawn invite no longer holds the name.
		expect((await postLogin(app, 'dan', TEAM_PASSCODE)).status).toBe(303);
	});

	it('refuses cross-site posts, non-admins and names no invite may set', async () => {
		await expectApiError(
			await accept('a'.repeat(43), '{}', { origin: 'https://evil.example' }),
			403,
			'permission_error',
			/Cross-site POST refused/
		);
		const bob = await signIn(app, 'bob', 'bob-secret-456');
		expect((await adminForm('invite', { name: 'eve' }, bob)).status).toBe(404);
		for (const name of ['bob', 'ceo@corp', '<b>'])
			expect((await adminForm('invite', { name })).status).toBe(400);
	});

	it('answers a sign-in post that is not a readable form with 400, not 500', async () => {
		for (const type of ['multipart/form-data', 'multipart/form-data; boundary=xyz'])
			expect(
				(
					await fetch(app.url + '/login', {
						method: 'POST',
						redirect: 'manual',
						headers: { 'content-type': type, accept: 'text/html', origin: app.url },
						body: '--xyz\r\nbroken'
					})
				).status
			).toBe(400);
	});
});
