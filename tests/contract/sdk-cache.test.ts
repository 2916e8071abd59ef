import Anthropic, { BadRequestError } from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { nonce, sdkClient, targets } from '../support/sdk-targets';

/**
 * Prompt caching through the official SDK. Each test's prompt carries a fresh nonce: the
 * keyed app shares the standalone simulator's cache, so a fixed prompt would already be warm.
 */
const model = 'claude-sonnet-4-6';
const eph = { type: 'ephemeral' as const };
const longText = (tag: string, words: number) =>
	`${tag} ` + Array.from({ length: words }, (_, i) => `clause${i}`).join(' ');

function cachedPrompt(system: string, question: string): Anthropic.MessageCreateParamsNonStreaming {
	return {
		model,
		max_tokens: 100,
		system: [{ type: 'text', text: system, cache_control: eph }],
		messages: [{ role: 'user', content: question }]
	};
}
const total = (u: Anthropic.Usage) =>
	u.input_tokens + (u.cache_creation_input_tokens ?? 0) + (u.cache_read_input_tokens ?? 0);

describe.each(targets)('prompt caching through the SDK against %s', (_name, baseURL) => {
	const client = () => sdkClient(baseURL());

	it('writes a long prefix, then reads it, and count_tokens matches the total', async () => {
		const system = longText(nonce(), 1500);
		const first = await client().messages.create(cachedPrompt(system, 'First question?'));
		expect(first.usage.cache_creation_input_tokens).toBeGreaterThanOrEqual(1024);
		expect(first.usage.cache_read_input_tokens).toBe(0);
		const second = await client().messages.create(cachedPrompt(system, 'Second question?'));
		expect(second.usage.cache_read_input_tokens).toBe(first.usage.cache_creation_input_tokens);
		expect(second.usage.cache_creation_input_tokens).toBe(0);
		const { model: _m, max_tokens: _t, ...countable } = cachedPrompt(system, 'Second question?');
		const counted = await client().messages.countTokens({ model, ...countable });
		expect(counted.input_tokens).toBe(total(second.usage));
		expect(second.usage.input_tokens).toBeLessThan(50);
	});

	it('reports cache usage in message_start when streaming', async () => {
		const system = longText(nonce(), 1500);
		await client().messages.create(cachedPrompt(system, 'Warm it up'));
		const stream = client().messages.stream(cachedPrompt(system, 'Now stream'));
		let startUsage: Anthropic.Usage | undefined;
		for await (const e of stream) if (e.type === 'message_start') startUsage = e.message.usage;
		expect(startUsage?.cache_read_input_tokens).toBeGreaterThanOrEqual(1024);
		const final = await stream.finalMessage();
		expect(final.usage.cache_read_input_tokens).toBe(startUsage?.cache_read_input_tokens);
	});

	it('does not cache a prefix below the model minimum', async () => {
		const params = cachedPrompt(longText(nonce(), 100), 'Short one');
		for (let i = 0; i < 2; i++) {
			const m = await client().messages.create(params);
			expect(m.usage.cache_creation_input_tokens).toBe(0);
			expect(m.usage.cache_read_input_tokens).toBe(0);
		}
	});

	it('uses a haiku model minimum of 2048 tokens', async () => {
		const params = {
			...cachedPrompt(longText(nonce(), 450), 'Haiku?'),
			model: 'claude-haiku-4-5-20251001'
		};
		const m = await client().messages.create(params);
		expect(total(m.usage)).toBeGreaterThan(1024);
		expect(total(m.usage)).toBeLessThan(2048);
		expect(m.usage.cache_creation_input_tokens).toBe(0);
	});

	it('caches with top-level automatic caching', async () => {
		const params = {
			model,
			max_tokens: 50,
			messages: [{ role: 'user' as const, content: longText(nonce(), 1500) }],
			cache_control: eph
		};
		const first = await client().messages.create(
			params as Anthropic.MessageCreateParamsNonStreaming
		);
		const second = await client().messages.create(
			params as Anthropic.MessageCreateParamsNonStreaming
		);
		expect(first.usage.cache_creation_input_tokens).toBeGreaterThan(1024);
		expect(second.usage.cache_read_input_tokens).toBe(first.usage.cache_creation_input_tokens);
	});

	it('rejects five cache breakpoints', async () => {
		const blocks = Array.from({ length: 5 }, (_, i) => ({
			type: 'text' as const,
			text: `part ${i}`,
			cache_control: eph
		}));
		const err = await client()
			.messages.create({ model, max_tokens: 50, messages: [{ role: 'user', content: blocks }] })
			.catch((e: unknown) => e);
		expect(err).toBeInstanceOf(BadRequestError);
		expect((err as BadRequestError).error).toMatchObject({
			error: {
				type: 'invalid_request_error',
				message: 'A maximum of 4 blocks with cache_control may be provided. Found 5.'
			}
		});
	});
});
