import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppProcess } from '../support/servers';

const body = (extra: Record<string, unknown> = {}) =>
	JSON.stringify({
		model: 'claude-haiku-4-5-20251001',
		max_tokens: 40,
		messages: [{ role: 'user', content: 'Tell me something' }],
		...extra
	});
const post = (
	app: AppProcess,
	extra: Record<string, unknown> = {},
	user = 'ada',
	signal?: AbortSignal
) =>
	fetch(app.url + '/api/v1/messages', {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-forwarded-user': user },
		body: body(extra),
		signal
	});

// Users come from a trusted proxy header so each test can act as someone else.
const proxy = { TRUSTED_USER_HEADER: 'x-forwarded-user', TRUSTED_PROXIES: '127.0.0.1' };
let rpm: AppProcess;
let budget: AppProcess;
let streams: AppProcess;

beforeAll(async () => {
	[rpm, budget, streams] = await Promise.all([
		startApp({ ...proxy, REQUESTS_PER_MINUTE: '3' }),
		startApp({ ...proxy, DAILY_TOKEN_BUDGET: '150' }),
		startApp({ ...proxy, MAX_CONCURRENT_STREAMS: '1', SIMULATOR_TOKENS_PER_SECOND: '20' })
	]);
});
afterAll(async () => {
	await Promise.all([rpm?.stop(), budget?.stop(), streams?.stop()]);
});

describe('per-user limits', () => {
	it('refuses the 4th request in a minute with 429 and retry-after, per user', async () => {
		const statuses = [];
		for (let i = 0; i < 4; i++) statuses.push((await post(rpm, {}, 'rpm-user')).status);
		expect(statuses).toEqual([200, 200, 200, 429]);
		const refused = await post(rpm, {}, 'rpm-user');
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
		expect((await refused.json()).error).toMatchObject({ type: 'rate_limit_error' });
		expect((await post(rpm, {}, 'someone-else')).status).toBe(200);
	});

	it('records usage of streamed and plain answers and stops at the daily budget', async () => {
		const plain = await (await post(budget, {}, 'bea')).json();
		const afterPlain = await (
			await fetch(budget.url + '/api/usage', { headers: { 'x-forwarded-user': 'bea' } })
		).json();
		expect(afterPlain.used).toBe(plain.usage.input_tokens + plain.usage.output_tokens);
		await (await post(budget, { stream: true }, 'bea')).text();
		const afterStream = await (
			await fetch(budget.url + '/api/usage', { headers: { 'x-forwarded-user': 'bea' } })
		).json();
		expect(afterStream.used).toBeGreaterThan(afterPlain.used);
		let status = 200;
		for (let i = 0; i < 10 && status === 200; i++) {
			const res = await post(budget, {}, 'bea');
			status = res.status;
			await res.text();
		}
		expect(status).toBe(429);
		const usage = await (
			await fetch(budget.url + '/api/usage', { headers: { 'x-forwarded-user': 'bea' } })
		).json();
		// Refused once the next request's worst case (input estimate + max_tokens 40) no longer fits.
		expect(usage.remaining).toBeLessThan(100);
		expect(usage.used + usage.remaining).toBe(150);
		expect(usage.held).toBe(0);
		expect(usage.budget).toBe(150);
	});

	it('allows one open stream per user and frees the slot when the client leaves', async () => {
		const abort = new AbortController();
		const first = await post(streams, { stream: true, max_tokens: 400 }, 'cy', abort.signal);
		expect(first.status).toBe(200);
		const reader = first.body!.getReader();
		await reader.read();
		const second = await post(streams, { stream: true }, 'cy');
		expect(second.status).toBe(429);
		expect((await second.json()).error.message).toMatch(/streams open/);
		expect((await post(streams, { stream: true }, 'dee')).status).toBe(200);
		abort.abort();
		await expect
			.poll(async () => {
				const res = await post(streams, { stream: false }, 'cy');
				return res.status;
			})
			.toBe(200);
		await expect
			.poll(async () => {
				const res = await post(streams, { stream: true, max_tokens: 2 }, 'cy');
				await res.text();
				return res.status;
			})
			.toBe(200);
	});
});
