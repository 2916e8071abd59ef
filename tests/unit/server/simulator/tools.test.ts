import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { planMessage, type SimContext } from '../../../../src/lib/server/simulator/messages';
import { HttpProblem } from '../../../../src/lib/server/http';
import type { Message, MessageCreateParams } from '../../../../src/lib/schemas';
import { weatherTool as weather } from '../../../support/sim-tools';

const ctx: SimContext = { seed: 'unit', betas: [] };
const time = {
	name: 'get_time',
	description: 'Local time',
	input_schema: {
		type: 'object' as const,
		properties: { timezone: { type: 'string' }, at: { type: 'string', format: 'date-time' } },
		required: ['timezone', 'at']
	}
};
const base = (content: string, extra: Partial<MessageCreateParams> = {}): MessageCreateParams => ({
	model: 'claude-sonnet-4-6',
	max_tokens: 500,
	messages: [{ role: 'user', content }],
	tools: [weather, time],
	...extra
});
type ToolUse = { type: 'tool_use'; id: string; name: string; input: unknown };
const uses = (m: Message) => m.content.filter((b): b is ToolUse => b.type === 'tool_use');
const texts = (m: Message) =>
	m.content.filter((b) => b.type === 'text').map((b) => (b as { text: string }).text);
const problem = (fn: () => unknown) => {
	try {
		fn();
	} catch (e) {
		if (e instanceof HttpProblem) return e;
	}
	throw new Error('expected an HttpProblem');
};

describe('tool_choice', () => {
	it('answers without tools in text only', () => {
		const m = planMessage(base('Hi there', { tools: undefined }), ctx);
		expect(uses(m)).toHaveLength(0);
		expect(m.stop_reason).toBe('end_turn');
	});

	it('auto calls tools with schema-valid inputs and stops for tool_use', () => {
		for (const prompt of [
			'What is the weather in Paris?',
			'Use get_weather please',
			'Anything at all',
			'Tell me the time'
		]) {
			const m = planMessage(base(prompt), ctx);
			expect(m.stop_reason).toBe('tool_use');
			expect(m.content.at(-1)?.type).toBe('tool_use');
			for (const u of uses(m)) {
				expect(u.id).toMatch(/^toolu_01[A-Za-z0-9]{22}$/);
				const tool = [weather, time].find((t) => t.name === u.name)!;
				expect(
					z
						.fromJSONSchema(tool.input_schema as Parameters<typeof z.fromJSONSchema>[0])
						.safeParse(u.input).success
				).toBe(true);
			}
		}
	});

	it('auto answers a bare greeting in text', () => {
		const m = planMessage(base('Hello!'), ctx);
		expect(uses(m)).toHaveLength(0);
		expect(m.stop_reason).toBe('end_turn');
	});

	it('any calls a tool with no text before it', () => {
		const m = planMessage(base('Hello', { tool_choice: { type: 'any' } }), ctx);
		expect(m.content[0].type).toBe('tool_use');
		expect(m.stop_reason).toBe('tool_use');
	});

	it('tool calls exactly the named tool', () => {
		const m = planMessage(
			base('What is the weather in Paris?', { tool_choice: { type: 'tool', name: 'get_time' } }),
			ctx
		);
		expect(uses(m).length).toBeGreaterThan(0);
		expect(uses(m).every((u) => u.name === 'get_time')).toBe(true);
		expect(m.content[0].type).toBe('tool_use');
	});

	it('none answers in text even with tools', () => {
		const m = planMessage(
			base('Use get_weather for Paris', { tool_choice: { type: 'none' } }),
			ctx
		);
		expect(uses(m)).toHaveLength(0);
		expect(m.stop_reason).toBe('end_turn');
	});

	it('calls in parallel when asked for several things, and once when parallel use is disabled', () => {
		const several = base('Get the weather in Paris and in Tokyo', { tools: [weather] });
		expect(uses(planMessage(several, ctx))).toHaveLength(2);
		expect(
			uses(planMessage(base('Call get_weather and get_time'), ctx)).map((u) => u.name)
		).toEqual(['get_weather', 'get_time']);
		for (const type of ['auto', 'any'] as const) {
			const single = planMessage(
				{ ...several, tool_choice: { type, disable_parallel_tool_use: true } },
				ctx
			);
			expect(uses(single)).toHaveLength(1);
		}
	});

	it('counts tool input in output tokens and truncates at max_tokens', () => {
		const forced = base('Paris', { tool_choice: { type: 'tool', name: 'get_weather' } });
		const m = planMessage(forced, ctx);
		expect(m.usage.output_tokens).toBeGreaterThanOrEqual(
			JSON.stringify(uses(m)[0].input).length / 4
		);
		const cut = planMessage({ ...forced, max_tokens: 3 }, ctx);
		expect(cut.stop_reason).toBe('max_tokens');
		expect(uses(cut)).toHaveLength(0);
		expect(cut.usage.output_tokens).toBe(3);
	});

	it('is deterministic for the same request', () => {
		expect(planMessage(base('Weather in Oslo?'), ctx)).toEqual(
			planMessage(base('Weather in Oslo?'), ctx)
		);
	});
});

describe('tool results', () => {
	const turn = (is_error?: boolean): MessageCreateParams =>
		base('x', {
			messages: [
				{ role: 'user', content: 'Weather in Paris?' },
				{
					role: 'assistant',
					content: [
						{ type: 'tool_use', id: 'toolu_01abc', name: 'get_weather', input: { city: 'Paris' } }
					]
				},
				{
					role: 'user',
					content: [
						{
							type: 'tool_result',
							tool_use_id: 'toolu_01abc',
							content: '18°C and sunny',
							...(is_error === undefined ? {} : { is_error })
						}
					]
				}
			]
		});

	it('answers a result in text that quotes it', () => {
		const m = planMessage(turn(), ctx);
		expect(m.stop_reason).toBe('end_turn');
		expect(texts(m).join('')).toContain('18°C and sunny');
		expect(texts(m).join('')).toContain('get_weather');
	});

	it('mentions an error result', () => {
		expect(texts(planMessage(turn(true), ctx)).join('')).toMatch(/is_error/);
	});

	it('rejects results that answer no tool_use, and tool_use left unanswered', () => {
		const orphan = turn();
		(orphan.messages[2].content as { tool_use_id: string }[])[0].tool_use_id = 'toolu_01zzz';
		expect(problem(() => planMessage(orphan, ctx)).message).toMatch(
			/^messages\.2\.content\.0: unexpected `tool_use_id`/
		);
		const unanswered = turn();
		unanswered.messages[2] = { role: 'user', content: 'never mind' };
		expect(problem(() => planMessage(unanswered, ctx)).message).toMatch(
			/^messages\.2: `tool_use` ids were found without `tool_result`/
		);
		expect(problem(() => planMessage({ ...turn(), tools: undefined }, ctx)).message).toMatch(
			/must define tools/
		);
	});

	it('rejects a tool_choice naming no given tool', () => {
		expect(
			problem(() => planMessage(base('x', { tool_choice: { type: 'tool', name: 'nope' } }), ctx))
				.message
		).toMatch(/^tool_choice\.name: /);
		expect(
			problem(() => planMessage(base('x', { tools: [weather, weather] }), ctx)).message
		).toMatch(/^tools: Tool names must be unique/);
	});
});
