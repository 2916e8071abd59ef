import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import Anthropic, { BadRequestError } from '@anthropic-ai/sdk';
import { sdkClient, targets } from '../support/sdk-targets';

/** SDK 1.14 driving today's API features: version rules, thinking, structured output, max_tokens 0, system turns. */
const ajv = new Ajv({ strict: false });

describe.each(targets)('today’s Messages API through the SDK against %s', (_name, baseURL) => {
	const client = () => sdkClient(baseURL());
	const legacy = () =>
		new Anthropic({
			baseURL: baseURL(),
			apiKey: 'sk-ant-client-side-key',
			maxRetries: 0,
			defaultHeaders: { 'anthropic-version': '2023-06-01' }
		});
	const base = {
		model: 'claude-sonnet-5',
		max_tokens: 3000,
		messages: [{ role: 'user' as const, content: 'Explain what a prompt cache is' }]
	};

	it('2026-10-21 (the SDK’s default) refuses temperature; 2023-06-01 takes it', async () => {
		const withTemperature = {
			...base,
			temperature: 1
		} as Anthropic.MessageCreateParamsNonStreaming;
		const refused = await client()
			.messages.create(withTemperature)
			.catch((e) => e);
		expect(refused).toBeInstanceOf(BadRequestError);
		expect(refused.error.error.message).toMatch(/^temperature: /);
		expect((await legacy().messages.create(withTemperature)).type).toBe('message');
	});

	it('streams thinking before the answer, and finalMessage() assembles it', async () => {
		const stream = client().messages.stream({
			...base,
			thinking: { type: 'enabled', budget_tokens: 1024 }
		});
		const deltas: string[] = [];
		stream.on('streamEvent', (e) => {
			if (e.type === 'content_block_delta') deltas.push(e.delta.type);
		});
		const message = await stream.finalMessage();
		expect(message.content.map((b) => b.type)).toEqual(['thinking', 'text']);
		const thinking = message.content[0] as Anthropic.ThinkingBlock;
		expect(thinking.thinking.length).toBeGreaterThan(0);
		expect(thinking.signature.length).toBeGreaterThan(100);
		expect(deltas.indexOf('signature_delta')).toBeGreaterThan(deltas.indexOf('thinking_delta'));
		expect(deltas.indexOf('text_delta')).toBeGreaterThan(deltas.indexOf('signature_delta'));
		expect(message.usage.output_tokens_details?.thinking_tokens).toBeGreaterThan(0);
	});

	it('adaptive thinking with display omitted streams an empty, signed block', async () => {
		const message = await client()
			.messages.stream({ ...base, thinking: { type: 'adaptive', display: 'omitted' } })
			.finalMessage();
		expect(message.content[0]).toMatchObject({ type: 'thinking', thinking: '' });
		expect((message.content[0] as Anthropic.ThinkingBlock).signature).not.toBe('');
	});

	it('structured output answers JSON valid against the schema', async () => {
		const schema = {
			type: 'object',
			properties: {
				city: { type: 'string' },
				population: { type: 'integer', minimum: 0 },
				landmarks: { type: 'array', items: { type: 'string' }, minItems: 1 }
			},
			required: ['city', 'population', 'landmarks'],
			additionalProperties: false
		};
		const message = await client().messages.create({
			...base,
			messages: [{ role: 'user', content: 'Facts about Paris' }],
			output_config: { format: { type: 'json_schema', schema } }
		});
		const value = JSON.parse((message.content[0] as Anthropic.TextBlock).text);
		expect(ajv.validate(schema, value), JSON.stringify(ajv.errors)).toBe(true);
		expect(value.city).toBe('Paris');
	});

	it('max_tokens 0 processes the prompt and generates nothing', async () => {
		const message = await client().messages.create({ ...base, max_tokens: 0 });
		expect(message.content).toEqual([]);
		expect(message.stop_reason).toBe('max_tokens');
		expect(message.usage.output_tokens).toBe(0);
		expect(message.usage.input_tokens).toBeGreaterThan(0);
	});

	it('takes system-role messages', async () => {
		const message = await client().messages.create({
			...base,
			messages: [
				{ role: 'system', content: 'Answer in one line.' },
				{ role: 'user', content: 'What is a token?' }
			]
		});
		expect(message.stop_reason).toBe('end_turn');
		expect(message.content[0].type).toBe('text');
	});
});
