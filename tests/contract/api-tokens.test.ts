import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppProcess } from '../support/servers';

const PASSCODE = 'team passcode for tokens';
let app: AppProcess;
let session: string;

beforeAll(async () => {
	app = await startApp({
		PLAYGROUND_PASSCODE: PASSCODE,
		SESSION_SECRET: 'tokens-test-secret-0123456789',
		DAILY_TOKEN_BUDGET: '100000'
	});
	const login = await fetch(app.url + '/login', {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			origin: app.url
		},
		body: new URLSearchParams({ name: 'Script Owner', passcode: PASSCODE })
	});
	session = login.headers.get('set-cookie')!.split(';')[0];
});
afterAll(() => app?.stop());

async function settingsAction(
	action: 'create' | 'revoke',
	fields: Record<string, string>
): Promise<string> {
	const res = await fetch(`${app.url}/settings?/${action}`, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			origin: app.url,
			cookie: session
		},
		body: new URLSearchParams(fields)
	});
	expect(res.status).toBe(200);
	return res.text();
}

describe('per-user API tokens', () => {
	it('lets the official SDK use the playground as a gateway with a token, and stops when revoked', async () => {
		const html = await settingsAction('create', { name: 'eval script' });
		const token = /data-testid="new-token">(mpg_[A-Za-z0-9]+)</.exec(html)?.[1];
		expect(token).toMatch(/^mpg_[A-Za-z0-9]{32}$/);

		const client = new Anthropic({ baseURL: app.url + '/api', apiKey: token!, maxRetries: 0 });
		const message = await client.messages.create({
			model: 'claude-haiku-4-5-20251001',
			max_tokens: 20,
			messages: [{ role: 'user', content: 'Hello from a script' }]
		});
		expect(message.type).toBe('message');

		// The call counted for the token's owner: a guest (team passcode), on the guests' account.
		const usage = await (
			await fetch(app.url + '/api/usage', { headers: { cookie: session } })
		).json();
		expect(usage.user).toBe('Script Owner (guest)');
		expect(usage.account).toBe('guests (shared passcode)');
		expect(usage.used).toBe(message.usage.input_tokens + message.usage.output_tokens);

		const list = await (
			await fetch(app.url + '/settings', { headers: { cookie: session } })
		).text();
		const id = /name="id" value="(tok_[A-Za-z0-9]+)"/.exec(list)?.[1];
		expect(id).toBeTruthy();
		expect(list).not.toContain(token!);
		await settingsAction('revoke', { id: id! });
		await expect(
			client.messages.create({
				model: 'claude-haiku-4-5-20251001',
				max_tokens: 5,
				messages: [{ role: 'user', content: 'again' }]
			})
		).rejects.toBeInstanceOf(Anthropic.AuthenticationError);
	});

	it('refuses a made-up token with 401 in the API error shape', async () => {
		const res = await fetch(app.url + '/api/v1/models', {
			headers: { 'x-api-key': 'mpg_' + 'x'.repeat(32) }
		});
		expect(res.status).toBe(401);
		expect((await res.json()).error).toMatchObject({
			type: 'authentication_error',
			message: 'invalid or revoked playground API token'
		});
	});
});
