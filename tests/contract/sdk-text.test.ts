import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, inject, it } from 'vitest';

/**
 * The official SDK cannot tell our simulator from the API on the text path, whether it talks
 * to the standalone simulator, the app's /api on its in-process simulator, or the app in
 * real-key mode proxying to a stand-in.
 */
const targets = [
	['standalone simulator', () => inject('simulatorUrl')],
	['app /api (simulator upstream)', () => inject('appUrl') + '/api'],
	['app /api (anthropic upstream, stand-in base URL)', () => inject('keyedAppUrl') + '/api']
] as const;

const request = {
	model: 'claude-haiku-4-5-20251001',
	max_tokens: 300,
	messages: [{ role: 'user' as const, content: 'Hello, who are you?' }]
};

describe.each(targets)('official SDK against %s', (_name, baseURL) => {
	const client = () =>
		new Anthropic({ baseURL: baseURL(), apiKey: 'sk-ant-client-side-key', maxRetries: 0 });

	it('creates a message with text, usage and a request id', async () => {
		const { data: message, request_id } = await client().messages.create(request).withResponse();
		expect(message.type).toBe('message');
		expect(message.id).toMatch(/^msg_01/);
		expect(message.content[0].type).toBe('text');
		expect(message.stop_reason).toBe('end_turn');
		expect(message.usage.input_tokens).toBeGreaterThan(0);
		expect(message.usage.output_tokens).toBeGreaterThan(0);
		expect(request_id).toMatch(/^req_/);
	});

	it('streams a message whose final form equals the non-streamed answer', async () => {
		const stream = client().messages.stream(request);
		const types: string[] = [];
		let text = '';
		for await (const event of stream) {
			types.push(event.type);
			if (event.type === 'content_block_delta' && event.delta.type === 'text_delta')
				text += event.delta.text;
		}
		const final = await stream.finalMessage();
		const created = await client().messages.create(request);
		expect(types[0]).toBe('message_start');
		expect(types.at(-1)).toBe('message_stop');
		expect(types.at(-2)).toBe('message_delta');
		expect(final.content).toEqual(created.content);
		expect(final.usage.output_tokens).toBe(created.usage.output_tokens);
		expect(final.content[0].type === 'text' && final.content[0].text).toBe(text);
	});

	it('stops at max_tokens and at a stop sequence', async () => {
		const short = await client().messages.create({ ...request, max_tokens: 5 });
		expect(short.stop_reason).toBe('max_tokens');
		expect(short.usage.output_tokens).toBe(5);
		const full = await client().messages.create(request);
		const words = (full.content[0] as { text: string }).text.split(' ');
		const stopper = words[Math.floor(words.length / 2)];
		const stopped = await client().messages.create({ ...request, stop_sequences: [stopper] });
		expect(stopped.stop_reason).toBe('stop_sequence');
		expect(stopped.stop_sequence).toBe(stopper);
		expect((stopped.content[0] as { text: string }).text).not.toContain(stopper);
	});

	it('counts tokens consistently with usage', async () => {
		const counted = await client().messages.countTokens({
			model: request.model,
			messages: request.messages
		});
		const created = await client().messages.create(request);
		expect(counted.input_tokens).toBe(created.usage.input_tokens);
	});

	it('lists and gets models', async () => {
		const page = await client().models.list({ limit: 3 });
		expect(page.data).toHaveLength(3);
		const model = await client().models.retrieve('claude-haiku-4-5');
		expect(model.id).toBe('claude-haiku-4-5-20251001');
	});

	it('raises the SDK error classes for bad input and unknown models', async () => {
		await expect(client().messages.create({ ...request, max_tokens: -1 })).rejects.toBeInstanceOf(
			Anthropic.BadRequestError
		);
		const err = await client()
			.messages.create({ ...request, model: 'claude-9-nonexistent' })
			.catch((e: unknown) => e);
		expect(err).toBeInstanceOf(Anthropic.NotFoundError);
		expect((err as InstanceType<typeof Anthropic.NotFoundError>).error).toMatchObject({
			type: 'error',
			error: { type: 'not_found_error', message: 'model: claude-9-nonexistent' }
		});
	});
});
