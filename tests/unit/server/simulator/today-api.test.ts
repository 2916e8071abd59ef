import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { MessageSchema } from '$lib/schemas';
import { createSimulator } from '$lib/server/simulator/app';

/** The simulator as the API of 2026-11-30: models, version rules, validation, thinking, structured output. */
const NOW = Date.parse('2026-11-30T12:00:00Z');
const sim = createSimulator({ tokensPerSecond: 0, seed: 'unit', now: () => NOW });
const ajv = new Ajv({ strict: false });

async function post(
	body: Record<string, unknown>,
	opts: { version?: string; fault?: string; path?: string } = {}
) {
	const headers: Record<string, string> = {
		'x-api-key': 'k',
		'anthropic-version': opts.version ?? '2026-10-21',
		'content-type': 'application/json'
	};
	if (opts.fault) headers['x-simulator-fault'] = opts.fault;
	const res = await sim.fetch(
		new Request(`http://sim${opts.path ?? '/v1/messages'}`, {
			method: 'POST',
			headers,
			body: JSON.stringify(body)
		})
	);
	return { status: res.status, body: (await res.json()) as any };
}
const ask = (extra: Record<string, unknown> = {}, text = 'Explain prompt caching briefly') => ({
	model: 'claude-opus-5',
	max_tokens: 2000,
	messages: [{ role: 'user', content: text }],
	...extra
});
const errorOf = async (body: Record<string, unknown>, opts?: Parameters<typeof post>[1]) => {
	const r = await post(body, opts);
	expect(r.status, JSON.stringify(r.body)).toBe(
		r.body.error?.type === 'not_found_error' ? 404 : 400
	);
	return r.body.error as { type: string; message: string };
};

describe('models', () => {
	it('refuses retired models as unknown ones, serves deprecated and current ones', async () => {
		for (const model of [
			'claude-3-5-haiku-20241022',
			'claude-3-opus-20240229',
			'claude-sonnet-4-5'
		])
			expect(await errorOf(ask({ model }))).toEqual({
				type: 'not_found_error',
				message: `model: ${model}`
			});
		expect((await post(ask({ model: 'claude-opus-4-5' }))).status).toBe(200);
		expect((await post(ask({ model: 'claude-haiku-5-5' }))).body.model).toBe('claude-haiku-5-5');
	});

	it('holds each model to its own output limit', async () => {
		expect((await errorOf(ask({ model: 'claude-haiku-4-5', max_tokens: 64_001 }))).message).toBe(
			'max_tokens: 64001 > 64000, which is the maximum allowed number of output tokens for claude-haiku-4-5-20251001'
		);
		expect((await post(ask({ model: 'claude-opus-5', max_tokens: 128_000 }))).status).toBe(200);
	});

	it('refuses a prompt beyond the context window with the API’s wording', async () => {
		const long = 'word '.repeat(200_001);
		expect((await errorOf(ask({ model: 'claude-haiku-4-5' }, long))).message).toMatch(
			/^prompt is too long: \d+ tokens > 200000 maximum$/
		);
	});
});

describe('version rules', () => {
	const cases: [string, Record<string, unknown>, RegExp][] = [
		[
			'temperature at its default',
			ask({ temperature: 1 }),
			/^temperature: Extra inputs are not permitted$/
		],
		['top_p', ask({ top_p: 0.9 }), /^top_p: /],
		['top_k', ask({ top_k: 5 }), /^top_k: /],
		[
			'a document in an assistant turn',
			ask({
				messages: [
					{ role: 'user', content: 'hi' },
					{
						role: 'assistant',
						content: [
							{ type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'x' } }
						]
					},
					{ role: 'user', content: 'go on' }
				]
			}),
			/^messages\.1\.content\.0: document blocks/
		],
		[
			'citations on user text',
			ask({
				messages: [
					{
						role: 'user',
						content: [
							{
								type: 'text',
								text: 'hi',
								citations: [
									{
										type: 'char_location',
										cited_text: 'x',
										document_index: 0,
										start_char_index: 0,
										end_char_index: 1
									}
								]
							}
						]
					}
				]
			}),
			/^messages\.0\.content\.0\.citations: /
		]
	];
	it.each(cases)('2026-10-21 refuses %s; 2023-06-01 accepts it', async (_name, body, message) => {
		expect((await errorOf(body)).message).toMatch(message);
		expect((await post(body, { version: '2023-06-01' })).status).toBe(200);
	});

	it('refuses an unknown version', async () => {
		expect((await errorOf(ask(), { version: '2099-01-01' })).message).toMatch(/anthropic-version/);
	});
});

describe('validation', () => {
	it('names an unknown block type, role or enum value', async () => {
		expect(
			(await errorOf(ask({ messages: [{ role: 'user', content: [{ type: 'txt', text: 'hi' }] }] })))
				.message
		).toMatch(/^messages\.0\.content\.0: Input tag 'txt'/);
		expect((await errorOf(ask({ messages: [{ role: 'robot', content: 'hi' }] }))).message).toMatch(
			/^messages\.0\.role: /
		);
		expect((await errorOf(ask({ output_config: { effort: 'extreme' } }))).message).toMatch(
			/^output_config\.effort: /
		);
		expect((await errorOf(ask({ thinking: { type: 'sometimes' } }))).message).toMatch(
			/^thinking\.type: /
		);
		expect(
			(await errorOf(ask({ output_config: { format: { type: 'xml', schema: {} } } }))).message
		).toMatch(/^output_config\.format\.type/);
	});

	it('holds the thinking budget between 1024 and max_tokens', async () => {
		expect(
			(
				await errorOf(
					ask({ model: 'claude-sonnet-5', thinking: { type: 'enabled', budget_tokens: 1023 } })
				)
			).message
		).toMatch(/budget_tokens: .*1024/);
		expect(
			(
				await errorOf(
					ask({
						model: 'claude-sonnet-5',
						max_tokens: 2000,
						thinking: { type: 'enabled', budget_tokens: 2000 }
					})
				)
			).message
		).toMatch(/max_tokens.*greater than.*budget_tokens/);
	});
});

describe('max_tokens 0 and system-role messages', () => {
	it('pre-warms the cache with max_tokens 0: no content, nothing generated, the prefix written', async () => {
		const system = [
			{
				type: 'text',
				text: 'policy '.repeat(1200),
				cache_control: { type: 'ephemeral', ttl: '1h' }
			}
		];
		const warm = await post(ask({ max_tokens: 0, system }, `warm ${NOW}`));
		expect(warm.status).toBe(200);
		expect(warm.body).toMatchObject({
			content: [],
			stop_reason: 'max_tokens',
			usage: { output_tokens: 0 }
		});
		expect(warm.body.usage.cache_creation.ephemeral_1h_input_tokens).toBeGreaterThan(1024);
		const hit = await post(ask({ system }, `warm ${NOW}`));
		expect(hit.body.usage.cache_read_input_tokens).toBe(
			warm.body.usage.cache_creation_input_tokens
		);
	});

	it('takes system-role messages as system text: accepted, and counted as prompt', async () => {
		const plain = await post(ask());
		const withSystem = await post(
			ask({
				messages: [
					{ role: 'system', content: 'Answer in French, briefly.' },
					{ role: 'user', content: 'Explain prompt caching briefly' }
				]
			})
		);
		expect(withSystem.status).toBe(200);
		expect(withSystem.body.usage.input_tokens).toBeGreaterThan(plain.body.usage.input_tokens);
	});
});

describe('thinking', () => {
	const think = (thinking: unknown, extra: Record<string, unknown> = {}) =>
		ask({ model: 'claude-sonnet-5', max_tokens: 4000, thinking, ...extra });

	it('enabled and adaptive put a signed thinking block before the answer, billed as output', async () => {
		for (const t of [{ type: 'enabled', budget_tokens: 1024 }, { type: 'adaptive' }]) {
			const { body } = await post(think(t));
			expect(body.content.map((b: { type: string }) => b.type)).toEqual(['thinking', 'text']);
			expect(body.content[0].thinking.length).toBeGreaterThan(10);
			expect(body.content[0].signature.length).toBeGreaterThan(100);
			expect(body.usage.output_tokens_details.thinking_tokens).toBeGreaterThan(0);
			expect(body.usage.output_tokens).toBeGreaterThan(
				body.usage.output_tokens_details.thinking_tokens
			);
		}
	});

	it('display omitted empties the text but keeps the signature and the billing', async () => {
		const { body } = await post(think({ type: 'adaptive', display: 'omitted' }));
		expect(body.content[0]).toMatchObject({ type: 'thinking', thinking: '' });
		expect(body.content[0].signature).not.toBe('');
		expect(body.usage.output_tokens_details.thinking_tokens).toBeGreaterThan(0);
	});

	it('the redacted_thinking fault returns encrypted reasoning instead', async () => {
		const { body } = await post(think({ type: 'adaptive' }), { fault: 'redacted_thinking' });
		expect(body.content[0].type).toBe('redacted_thinking');
		expect(body.content[0].data).toMatch(/^[A-Za-z0-9+/=]{40,}$/);
	});

	it('disabled, between_tools without tools, and a greeting under adaptive think nothing', async () => {
		for (const body of [
			think({ type: 'disabled' }),
			think({ type: 'between_tools' }),
			ask({ model: 'claude-sonnet-5', thinking: { type: 'adaptive' } }, 'Hello!')
		]) {
			const r = await post(body);
			expect(r.body.content.map((b: { type: string }) => b.type)).toEqual(['text']);
			expect(r.body.usage.output_tokens_details.thinking_tokens).toBe(0);
		}
	});

	it('refuses a thinking type the model does not take', async () => {
		expect(
			(
				await errorOf(
					ask({ model: 'claude-opus-5-5', thinking: { type: 'enabled', budget_tokens: 1024 } })
				)
			).message
		).toMatch(/not supported/);
	});

	it('more effort gives a longer answer', async () => {
		const len = async (effort: string) =>
			(await post(ask({ output_config: { effort } }))).body.usage.output_tokens as number;
		expect(await len('low')).toBeLessThan(await len('max'));
	});
});

describe('structured output and strict tools', () => {
	const schema = {
		type: 'object',
		properties: {
			city: { type: 'string' },
			temperature_c: { type: 'number', minimum: -60, maximum: 60 },
			conditions: { type: 'string', enum: ['sunny', 'cloudy', 'rain'] },
			hourly: {
				type: 'array',
				items: {
					type: 'object',
					properties: { hour: { type: 'integer', minimum: 0, maximum: 23 } },
					required: ['hour'],
					additionalProperties: false
				},
				minItems: 1
			}
		},
		required: ['city', 'temperature_c', 'conditions', 'hourly'],
		additionalProperties: false
	};

	it('answers JSON valid against output_config.format’s schema, filled from the prompt', async () => {
		for (const city of ['Paris', 'Lima']) {
			const { body } = await post(
				ask(
					{ output_config: { format: { type: 'json_schema', schema } } },
					`Weather report for ${city}`
				)
			);
			const value = JSON.parse(body.content[0].text);
			expect(ajv.validate(schema, value), JSON.stringify(ajv.errors)).toBe(true);
			expect(value.city).toBe(city);
		}
	});

	it('gives strict tools inputs valid against their input_schema', async () => {
		const tool = {
			name: 'report',
			description: 'File a weather report',
			strict: true,
			input_schema: schema
		};
		const { body } = await post(
			ask({ tools: [tool], tool_choice: { type: 'any' } }, 'Report on Oslo and Rome')
		);
		const uses = body.content.filter((b: { type: string }) => b.type === 'tool_use');
		expect(uses.length).toBeGreaterThan(0);
		for (const u of uses)
			expect(ajv.validate(schema, u.input), JSON.stringify(ajv.errors)).toBe(true);
		expect(uses.map((u: { input: { city: string } }) => u.input.city)).toEqual(['Oslo', 'Rome']);
		expect(uses[0].caller).toEqual({ type: 'direct' });
	});

	it('every answer above parses with the response schema', async () => {
		expect(
			MessageSchema.safeParse(
				(await post(ask({ output_config: { format: { type: 'json_schema', schema } } }))).body
			).success
		).toBe(true);
	});
});
