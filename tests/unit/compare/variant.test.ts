import { describe, expect, it } from 'vitest';
import {
	effortsFor,
	parseCustomTools,
	thinkingModesFor,
	variantFromRequest,
	variantRequest,
	type VariantSettings
} from '$lib/compare/variant';

const base: VariantSettings = {
	model: 'claude-sonnet-5-5',
	apiVersion: '2023-06-01',
	temperature: null,
	system: '',
	thinking: { mode: 'unset', budget: 1024, display: 'default' },
	effort: 'unset',
	toolSource: 'none',
	customTools: ''
};
const weather = { name: 'get_weather', input_schema: { type: 'object' } };

describe('a compare column as a full variant', () => {
	it('sends only the prompt and max_tokens when nothing else is set', () => {
		expect(variantRequest(base, 'Hi', 256)).toEqual({
			model: 'claude-sonnet-5-5',
			max_tokens: 256,
			messages: [{ role: 'user', content: 'Hi' }]
		});
	});

	it('sends thinking in the SDK ThinkingConfigParam shape, and effort as output_config.effort', () => {
		const enabled = variantRequest(
			{
				...base,
				thinking: { mode: 'enabled', budget: 2048, display: 'summarized' },
				effort: 'high'
			},
			'Hi',
			4096
		);
		expect(enabled).toMatchObject({
			thinking: { type: 'enabled', budget_tokens: 2048, display: 'summarized' },
			output_config: { effort: 'high' }
		});
		const adaptive = variantRequest(
			{ ...base, thinking: { ...base.thinking, mode: 'adaptive' } },
			'Hi',
			256
		);
		expect(adaptive.thinking).toEqual({ type: 'adaptive' });
	});

	it("offers and sends only what the model takes (the catalog's capabilities)", () => {
		expect(thinkingModesFor('claude-opus-5-5')).toEqual(['adaptive', 'between_tools']);
		expect(thinkingModesFor('claude-3-5-haiku-20241022')).toEqual([]);
		expect(effortsFor('claude-haiku-4-5-20251001')).toEqual([]);
		const leftOver = variantRequest(
			{
				...base,
				model: 'claude-opus-5-5',
				thinking: { ...base.thinking, mode: 'enabled' },
				effort: 'low'
			},
			'Hi',
			256
		);
		expect(leftOver).not.toHaveProperty('thinking');
		expect(leftOver.output_config).toEqual({ effort: 'low' });
		const noEffort = variantRequest(
			{ ...base, model: 'claude-haiku-4-5-20251001', effort: 'max' },
			'Hi',
			256
		);
		expect(noEffort).not.toHaveProperty('output_config');
	});

	it("takes tools from the playground, from the column's own list, or none", () => {
		expect(variantRequest({ ...base, toolSource: 'playground' }, 'Hi', 9, [weather]).tools).toEqual(
			[weather]
		);
		const own = { ...base, toolSource: 'custom' as const, customTools: JSON.stringify([weather]) };
		expect(variantRequest(own, 'Hi', 9, []).tools).toEqual([weather]);
		expect(variantRequest(base, 'Hi', 9, [weather])).not.toHaveProperty('tools');
	});

	it('names what is wrong with a hand-written tool list', () => {
		expect(parseCustomTools('')).toEqual({ tools: [] });
		expect(parseCustomTools('[{"name": ')).toMatchObject({ error: /not valid JSON/ });
		expect(parseCustomTools('{"name": "x"}')).toEqual({
			error: 'Tools must be a JSON array of tool definitions'
		});
	});
});

describe('a shared column reopened as settings', () => {
	it('reads back every setting variantRequest wrote', () => {
		const variants: VariantSettings[] = [
			base,
			{
				...base,
				temperature: 0.5,
				system: 'Be brief.',
				thinking: { mode: 'enabled', budget: 2048, display: 'summarized' },
				effort: 'high',
				toolSource: 'custom',
				customTools: JSON.stringify([weather], null, 2)
			},
			{
				...base,
				model: 'claude-opus-5',
				apiVersion: '2026-10-21',
				thinking: { mode: 'adaptive', budget: 2048, display: 'omitted' }
			}
		];
		for (const v of variants) {
			const request = variantRequest(v, 'Weather in Paris?', 4096);
			expect(variantFromRequest(request, v.apiVersion)).toEqual({
				settings:
					v.thinking.mode === 'unset' ? { ...v, thinking: { ...v.thinking, budget: 2048 } } : v,
				prompt: 'Weather in Paris?',
				maxTokens: 4096
			});
		}
	});

	it('joins a system given as text blocks and falls back to the default version for an unknown one', () => {
		const { settings, prompt } = variantFromRequest(
			{
				model: 'claude-sonnet-5-5',
				max_tokens: 64,
				system: [
					{ type: 'text', text: 'One.' },
					{ type: 'text', text: 'Two.' }
				],
				messages: [{ role: 'user', content: [{ type: 'text', text: 'Hello' }] }]
			},
			'1999-01-01'
		);
		expect(settings.system).toBe('One.\n\nTwo.');
		expect(settings.apiVersion).toBe('2026-10-21');
		expect(prompt).toBe('Hello');
	});
});
