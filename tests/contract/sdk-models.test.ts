import { describe, expect, it } from 'vitest';
import { BadRequestError, NotFoundError } from '@anthropic-ai/sdk';
import { sdkClient, targets } from '../support/sdk-targets';

/** The Models API from the catalog (simulator) or upstream plus the catalog's prices (keyed app). */
describe.each(targets)('models through the SDK against %s', (name, baseURL) => {
	const client = () => sdkClient(baseURL());
	const throughApp = name.startsWith('app');

	it('pages through the active and deprecated models, newest first, with limits Messages honours', async () => {
		const models = [];
		for await (const m of client().models.list({ limit: 3 })) models.push(m);
		expect(models.length).toBeGreaterThan(10);
		expect(new Set(models.map((m) => m.id)).size).toBe(models.length);
		const dates = models.map((m) => m.created_at);
		expect([...dates].sort().reverse()).toEqual(dates);
		expect(models.every((m) => m.lifecycle !== 'retired')).toBe(true);
		expect(models.map((m) => m.id)).not.toContain('claude-3-5-haiku-20241022');
		const haiku = models.find((m) => m.id === 'claude-haiku-4-5-20251001')!;
		expect(haiku).toMatchObject({
			max_tokens: 64000,
			max_input_tokens: 200000,
			line: 'haiku',
			lifecycle: 'active'
		});
		expect(haiku.capabilities?.thinking.types.enabled.supported).toBe(true);
		// An explicit timeout: the SDK refuses non-streamed calls this large without one.
		const ok = await client().messages.create(
			{
				model: haiku.id,
				max_tokens: haiku.max_tokens!,
				messages: [{ role: 'user', content: 'hi' }]
			},
			{ timeout: 60_000 }
		);
		expect(ok.model).toBe(haiku.id);
		await expect(
			client().messages.create(
				{
					model: haiku.id,
					max_tokens: haiku.max_tokens! + 1,
					messages: [{ role: 'user', content: 'hi' }]
				},
				{ timeout: 60_000 }
			)
		).rejects.toBeInstanceOf(BadRequestError);
	});

	it('adds the catalog’s prices in a field the SDK passes through', async () => {
		const info = (await client().models.retrieve('claude-opus-5')) as unknown as {
			x_catalog: { price: { input: number; output: number } };
		};
		expect(info.x_catalog.price).toMatchObject({ input: 5, output: 25 });
	});

	it('lists retired models only when asked, retrieves their record, and refuses them for inference', async () => {
		const retired = [];
		for await (const m of client().models.list({ lifecycle: ['retired'] })) retired.push(m);
		expect(retired.map((m) => m.id)).toContain('claude-3-5-haiku-20241022');
		expect(retired.every((m) => m.lifecycle === 'retired' && m.retires_at)).toBe(true);
		// Sonnet 4.5 retires today (2026-11-30) by the catalog's dates.
		expect((await client().models.retrieve('claude-sonnet-4-5')).lifecycle).toBe('retired');
		for (const model of ['claude-3-5-haiku-20241022', 'claude-sonnet-4-5'])
			await expect(
				client().messages.create({
					model,
					max_tokens: 5,
					messages: [{ role: 'user', content: 'hi' }]
				})
			).rejects.toBeInstanceOf(NotFoundError);
		await expect(client().models.retrieve('claude-nope-1')).rejects.toBeInstanceOf(NotFoundError);
	});

	it('resolves an alias to the dated model in both APIs', async () => {
		const info = await client().models.retrieve('claude-haiku-4-5');
		const counted = await client().messages.countTokens({
			model: 'claude-haiku-4-5',
			messages: [{ role: 'user', content: 'hi' }]
		});
		const created = await client().messages.create({
			model: 'claude-haiku-4-5',
			max_tokens: 20,
			messages: [{ role: 'user', content: 'hi' }]
		});
		expect(created.model).toBe(info.id);
		expect(counted.input_tokens).toBe(created.usage.input_tokens);
		expect(throughApp || info.id === 'claude-haiku-4-5-20251001').toBe(true);
	});
});
