import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type AppProcess } from '../support/servers';

let app: AppProcess;
beforeAll(async () => {
	app = await startApp({
		SIMULATOR_BATCH_SECONDS_PER_REQUEST: '0',
		DAILY_TOKEN_BUDGET: '10000000'
	});
});
afterAll(() => app?.stop());

const usage = async () =>
	(await (await fetch(app.url + '/api/usage')).json()) as { used: number; held: number };

it("holds a batch's worst case while it runs and settles it from its results when it ends, whoever downloads", async () => {
	const client = new Anthropic({ baseURL: app.url + '/api', apiKey: 'unused', maxRetries: 0 });
	const before = await usage();
	const batch = await client.messages.batches.create({
		requests: Array.from({ length: 5 }, (_, i) => ({
			custom_id: `row-${i}`,
			params: {
				model: 'claude-haiku-4-5-20251001',
				max_tokens: 30,
				messages: [{ role: 'user' as const, content: `Question ${i}` }]
			}
		}))
	});
	// Five requests of max_tokens 30 plus their input estimates.
	expect((await usage()).held - before.held).toBeGreaterThan(150);
	// Two partial downloads before anyone has seen the batch end: they change nothing.
	for (let i = 0; i < 2; i++) {
		const res = await fetch(`${app.url}/api/v1/messages/batches/${batch.id}/results`);
		await res.body?.getReader().cancel();
	}
	expect((await usage()).used).toBe(before.used);
	await expect
		.poll(async () => (await client.messages.batches.retrieve(batch.id)).processing_status, {
			timeout: 15_000
		})
		.toBe('ended');
	let expected = 0;
	for await (const line of await client.messages.batches.results(batch.id)) {
		if (line.result.type === 'succeeded')
			expected += line.result.message.usage.input_tokens + line.result.message.usage.output_tokens;
	}
	expect(expected).toBeGreaterThan(0);
	await expect.poll(async () => (await usage()).used).toBe(before.used + expected);
	expect((await usage()).held).toBe(before.held);
	// Seeing it end again, or downloading again, settles nothing twice.
	await client.messages.batches.retrieve(batch.id);
	await (await fetch(`${app.url}/api/v1/messages/batches/${batch.id}/results`)).text();
	expect((await usage()).used).toBe(before.used + expected);
});
