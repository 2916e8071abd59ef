import { describe, expect, it } from 'vitest';
import { BadRequestError } from '@anthropic-ai/sdk';
import { sdkClient, targets } from '../support/sdk-targets';

/** The Models API agrees with what Messages accepts. */
describe.each(targets)('models through the SDK against %s', (_name, baseURL) => {
	const client = () => sdkClient(baseURL());

	it('pages through every model, newest first, with limits Messages honours', async () => {
		const models = [];
		for await (const m of client().models.list({ limit: 2 })) models.push(m);
		expect(models.length).toBeGreaterThan(3);
		expect(new Set(models.map((m) => m.id)).size).toBe(models.length);
		const dates = models.map((m) => m.created_at);
		expect([...dates].sort().reverse()).toEqual(dates);
		const haiku = models.find((m) => m.id === 'claude-haiku-4-5-20251001')!;
		expect(haiku.max_tokens).toBe(8192);
		const ok = await client().messages.create({ model: haiku.id, max_tokens: haiku.max_tokens!, messages: [{ role: 'user', content: 'hi' }] });
		expect(ok.model).toBe(haiku.id);
		await expect(
			client().messages.create({ model: haiku.id, max_tokens: haiku.max_tokens! + 1, messages: [{ role: 'user', content: 'hi' }] })
		).rejects.toBeInstanceOf(BadRequestError);
	});

	it('resolves an alias to the dated model in both APIs', async () => {
		const info = await client().models.retrieve('claude-sonnet-4-5');
		const counted = await client().messages.countTokens({ model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: 'hi' }] });
		const created = await client().messages.create({ model: 'claude-sonnet-4-5', max_tokens: 20, messages: [{ role: 'user', content: 'hi' }] });
		expect(created.model).toBe(info.id);
		expect(counted.input_tokens).toBe(created.usage.input_tokens);
	});
});
