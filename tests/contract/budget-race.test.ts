import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppProcess } from '../support/servers';

// Users come from a trusted proxy header so the test can act as anyone.
const proxy = { TRUSTED_USER_HEADER: 'x-forwarded-user', TRUSTED_PROXIES: '127.0.0.1' };
let app: AppProcess;
let slow: AppProcess;

beforeAll(async () => {
	[app, slow] = await Promise.all([
		startApp({ ...proxy, DAILY_TOKEN_BUDGET: '200000' }),
		// Paced, so a stream is still running when the client leaves.
		startApp({ ...proxy, DAILY_TOKEN_BUDGET: '200000', SIMULATOR_TOKENS_PER_SECOND: '20' })
	]);
});
afterAll(async () => {
	await Promise.all([app?.stop(), slow?.stop()]);
});

/** ~60k tokens of input: the simulator counts a short word and its space as one token. */
const bigPrompt = 'word '.repeat(60_000);
const post = (user: string, body: Record<string, unknown>) =>
	fetch(app.url + '/api/v1/messages', {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-forwarded-user': user },
		body: JSON.stringify({
			model: 'claude-haiku-4-5-20251001',
			max_tokens: 100,
			messages: [{ role: 'user', content: bigPrompt }],
			...body
		})
	});
const usage = async (user: string, on = app) =>
	(await fetch(on.url + '/api/usage', { headers: { 'x-forwarded-user': user } })).json();

describe('the daily budget under a race', () => {
	it("accepts at most 4 of 20 parallel ~60k-token requests under a 200k budget, and shows upstream's usage", async () => {
		const responses = await Promise.all(Array.from({ length: 20 }, () => post('racer', {})));
		const bodies = await Promise.all(responses.map((r) => r.json()));
		const accepted = bodies.filter((_, i) => responses[i].status === 200);
		expect(accepted.length).toBeGreaterThan(0);
		expect(accepted.length).toBeLessThanOrEqual(4);
		const refused = bodies.filter((_, i) => responses[i].status === 429);
		expect(refused.length).toBe(20 - accepted.length);
		expect(refused[0].error.type).toBe('rate_limit_error');
		const upstreamTotal = accepted.reduce(
			(n, b) => n + b.usage.input_tokens + b.usage.output_tokens,
			0
		);
		const shown = await usage('racer');
		expect(shown.used).toBe(upstreamTotal);
		expect(shown.held).toBe(0);
		expect(upstreamTotal).toBeLessThanOrEqual(200_000);
	});

	it('charges an aborted stream what it held, since its real output is unknown', async () => {
		const abort = new AbortController();
		const res = await fetch(slow.url + '/api/v1/messages', {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-forwarded-user': 'leaver' },
			body: JSON.stringify({
				model: 'claude-haiku-4-5-20251001',
				max_tokens: 4000,
				stream: true,
				messages: [{ role: 'user', content: 'Write a long story' }]
			}),
			signal: abort.signal
		});
		expect(res.status).toBe(200);
		const reader = res.body!.getReader();
		await reader.read();
		abort.abort();
		await expect.poll(async () => (await usage('leaver', slow)).held).toBe(0);
		expect((await usage('leaver', slow)).used).toBeGreaterThanOrEqual(4000);
	});

	it('refuses a batch whose worst case does not fit in what is left', async () => {
		const requests = Array.from({ length: 200 }, (_, i) => ({
			custom_id: `r${i}`,
			params: {
				model: 'claude-haiku-4-5-20251001',
				max_tokens: 1024,
				messages: [{ role: 'user', content: 'hello' }]
			}
		}));
		const res = await fetch(app.url + '/api/v1/messages/batches', {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-forwarded-user': 'batcher' },
			body: JSON.stringify({ requests })
		});
		expect(res.status).toBe(429);
		expect((await res.json()).error.message).toMatch(/This batch may use up to \d+ tokens/);
		expect((await usage('batcher')).held).toBe(0);
	});
});
