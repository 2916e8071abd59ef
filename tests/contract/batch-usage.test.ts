import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type AppProcess } from '../support/servers';

let app: AppProcess;
beforeAll(async () => {
	app = await startApp({ SIMULATOR_BATCH_SECONDS_PER_REQUEST: '0', DAILY_TOKEN_BUDGET: '10000000' });
});
afterAll(() => app?.stop());

const usage = async () => (await (await fetch(app.url + '/api/usage')).json()).used as number;

it('records a batch\'s usage in the ledger once, on the first complete results download', async () => {
	const client = new Anthropic({ baseURL: app.url + '/api', apiKey: 'unused', maxRetries: 0 });
	const batch = await client.messages.batches.create({
		requests: Array.from({ length: 5 }, (_, i) => ({
			custom_id: `row-${i}`,
			params: { model: 'claude-haiku-4-5-20251001', max_tokens: 30, messages: [{ role: 'user' as const, content: `Question ${i}` }] }
		}))
	});
	await expect.poll(async () => (await client.messages.batches.retrieve(batch.id)).processing_status, { timeout: 15_000 }).toBe('ended');
	const before = await usage();
	let expected = 0;
	for await (const line of await client.messages.batches.results(batch.id)) {
		if (line.result.type === 'succeeded') expected += line.result.message.usage.input_tokens + line.result.message.usage.output_tokens;
	}
	expect(expected).toBeGreaterThan(0);
	await expect.poll(usage).toBe(before + expected);
	await (await fetch(`${app.url}/api/v1/messages/batches/${batch.id}/results`)).text();
	expect(await usage()).toBe(before + expected);
});
