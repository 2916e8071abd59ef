import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type AppProcess } from '../support/servers';

let app: AppProcess;
beforeAll(async () => {
	app = await startApp({ TRUSTED_USER_HEADER: 'x-forwarded-user', TRUSTED_PROXIES: '10.9.8.7' });
});
afterAll(() => app?.stop());

it('ignores the user header from an address that is not a configured proxy', async () => {
	const res = await fetch(app.url + '/api/v1/models', {
		headers: { 'x-forwarded-user': 'mallory' }
	});
	expect(res.status).toBe(401);
	expect((await res.json()).error.type).toBe('authentication_error');
});
