import { describe, expect, it } from 'vitest';
import type { MessageCreateParams } from '$lib/schemas';
import { planMessage, type SimContext } from '$lib/server/simulator/messages';
import { promptHints } from '$lib/server/simulator/prompt-hints';
import { weatherTool as weather } from '../../../support/sim-tools';

const ctx: SimContext = { seed: 'unit', betas: [], now: new Date('2026-11-30T12:00:00Z') };
const calculator = {
	name: 'calculator',
	description: 'Evaluates an arithmetic expression',
	input_schema: {
		type: 'object' as const,
		properties: { expression: { type: 'string' } },
		required: ['expression']
	}
};
const ask = (
	text: string,
	tools: MessageCreateParams['tools'] = [weather]
): MessageCreateParams => ({
	model: 'claude-sonnet-4-6',
	max_tokens: 500,
	tools,
	tool_choice: { type: 'any' },
	messages: [{ role: 'user', content: text }]
});
const calls = (p: MessageCreateParams) =>
	planMessage(p, ctx).content.filter((b) => b.type === 'tool_use') as {
		name: string;
		input: Record<string, unknown>;
	}[];

describe('tool inputs follow the prompt', () => {
	it('asks the weather tool about the city the prompt names', () => {
		for (const city of ['Paris', 'Tokyo', 'Reykjavik', 'Porto'])
			expect(
				calls(ask(`What's the weather like in ${city} today?`)).map((c) => c.input.city)
			).toEqual([city]);
	});

	it('makes one call per city when the prompt names two', () => {
		expect(calls(ask('Compare the weather in Paris and London')).map((c) => c.input.city)).toEqual([
			'Paris',
			'London'
		]);
	});

	it('uses the unit the prompt asks for when the schema enumerates it', () => {
		const [call] = calls(
			ask('Weather in Oslo in Fahrenheit please', [
				{ ...weather, input_schema: { ...weather.input_schema, required: ['city', 'unit'] } }
			])
		);
		expect(call.input).toEqual({ city: 'Oslo', unit: 'fahrenheit' });
	});

	it('gives the calculator a valid expression built from the prompt’s numbers', () => {
		const cases: [string, number][] = [
			['What is 12 times 7 plus 3?', 87],
			['Please compute (3 + 4) * 2', 14],
			['Add 1.5 and 2.25', 3.75],
			['What is 144 divided by 12?', 12]
		];
		for (const [prompt, value] of cases) {
			const expr = String(calls(ask(prompt, [calculator]))[0].input.expression);
			expect(expr, prompt).toMatch(/^[\d\s.+\-*/()]+$/);
			expect(Function(`return (${expr})`)(), prompt).toBeCloseTo(value, 10);
		}
	});

	it('answers with what the tool returned once the result comes back', () => {
		const first = planMessage(ask('Weather in Paris?'), ctx);
		const use = first.content.find((b) => b.type === 'tool_use') as { id: string };
		const next = planMessage(
			{
				...ask('Weather in Paris?'),
				tool_choice: { type: 'auto' },
				messages: [
					{ role: 'user', content: 'Weather in Paris?' },
					{ role: 'assistant', content: first.content },
					{
						role: 'user',
						content: [{ type: 'tool_result', tool_use_id: use.id, content: '18°C and sunny' }]
					}
				]
			},
			ctx
		);
		expect(next.stop_reason).toBe('end_turn');
		expect(next.content.map((b) => (b.type === 'text' ? b.text : '')).join('')).toContain(
			'18°C and sunny'
		);
	});

	it('is deterministic: same seed and request, same answer; another seed may differ', () => {
		expect(planMessage(ask('Weather in Paris and Rome'), ctx)).toEqual(
			planMessage(ask('Weather in Paris and Rome'), ctx)
		);
	});

	it('finds places in order and ignores capitalised non-places', () => {
		expect(promptHints('On Monday fly from Lisbon to Berlin, then in Prague').places).toEqual([
			'Lisbon',
			'Berlin',
			'Prague'
		]);
	});
});
