import { describe, expect, it } from 'vitest';
import {
	MissingValuesError,
	batchCustomId,
	cellRequest,
	gridVariables,
	parseBatchCustomId,
	promptText
} from '$lib/evaluate/grid';
import type { EvalVersion } from '$lib/schemas/evaluation';

const version = (
	template: Record<string, unknown>,
	extra: Partial<EvalVersion> = {}
): EvalVersion => ({
	id: 'a',
	label: 'A',
	template,
	...extra
});

const weather = version({
	model: 'claude-sonnet-5-5',
	max_tokens: 256,
	system: 'You answer about {{topic}}.',
	messages: [
		{
			role: 'user',
			content: [{ type: 'text', text: 'What is the weather in {{city}}? Say {{ city }} twice.' }]
		}
	]
});

describe('gridVariables', () => {
	it('finds variables across versions in first-use order, once each', () => {
		const other = version(
			{ messages: [{ role: 'user', content: 'About {{city}} in {{month}}' }] },
			{ id: 'b' }
		);
		expect(gridVariables([weather, other])).toEqual(['topic', 'city', 'month']);
	});

	it('reads nested braces as a literal brace around a variable', () => {
		const v = version({ messages: [{ role: 'user', content: 'JSON: {{{key}}}' }] });
		expect(gridVariables([v])).toEqual(['key']);
		expect(cellRequest(v, { id: '1', vars: { key: 'x' } }, 1).body.messages).toEqual([
			{ role: 'user', content: 'JSON: {x}' }
		]);
	});

	it('leaves an escaped placeholder as literal text and does not count it as a variable', () => {
		const v = version({ messages: [{ role: 'user', content: 'Write \\{{name}} for {{who}}' }] });
		expect(gridVariables([v])).toEqual(['who']);
		expect(cellRequest(v, { id: '1', vars: { who: 'Ada' } }, 1).body.messages).toEqual([
			{ role: 'user', content: 'Write {{name}} for Ada' }
		]);
	});

	it('ignores text that only looks like a placeholder', () => {
		const v = version({
			messages: [{ role: 'user', content: '{{ }} {{1abc}} {single} {{ok_1}}' }]
		});
		expect(gridVariables([v])).toEqual(['ok_1']);
	});
});

describe('cellRequest', () => {
	it('fills every placeholder from the case, keeping values verbatim', () => {
		const { body } = cellRequest(
			weather,
			{ id: 'c', vars: { topic: 'weather', city: 'Paris "Ville" \n lumière' } },
			1
		);
		expect(body.system).toBe('You answer about weather.');
		expect(body.messages).toEqual([
			{
				role: 'user',
				content: [
					{
						type: 'text',
						text: 'What is the weather in Paris "Ville" \n lumière? Say Paris "Ville" \n lumière twice.'
					}
				]
			}
		]);
		expect(body.max_tokens).toBe(256);
	});

	it('names the case and every missing variable in the error', () => {
		expect(() => cellRequest(weather, { id: 'c', vars: { city: 'Oslo' } }, 3)).toThrow(
			new MissingValuesError(3, ['topic'])
		);
		expect(() => cellRequest(weather, { id: 'c', vars: {} }, 7)).toThrow(
			'Case 7 has no value for {{topic}}, {{city}}'
		);
	});

	it('treats an empty value as a value', () => {
		const { body } = cellRequest(weather, { id: 'c', vars: { topic: '', city: '' } }, 1);
		expect(body.system).toBe('You answer about .');
	});

	it('sends the version header only when the version sets one', () => {
		expect(cellRequest(weather, { id: 'c', vars: { topic: 't', city: 'c' } }, 1).headers).toEqual(
			{}
		);
		const old = { ...weather, apiVersion: '2023-06-01' };
		expect(cellRequest(old, { id: 'c', vars: { topic: 't', city: 'c' } }, 1).headers).toEqual({
			'anthropic-version': '2023-06-01'
		});
	});
});

describe('batch custom ids', () => {
	it('round-trip positions and refuse anything else', () => {
		expect(parseBatchCustomId(batchCustomId(2, 41))).toEqual({ versionIndex: 2, caseIndex: 41 });
		expect(batchCustomId(0, 0)).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
		expect(parseBatchCustomId('v1-cx')).toBeNull();
		expect(parseBatchCustomId('row-1')).toBeNull();
	});
});

describe('promptText', () => {
	it('joins the text of user turns only', () => {
		const body = {
			messages: [
				{ role: 'user', content: 'first' },
				{ role: 'assistant', content: 'reply' },
				{
					role: 'user',
					content: [
						{ type: 'text', text: 'second' },
						{ type: 'image', source: {} }
					]
				}
			]
		};
		expect(promptText(body)).toBe('first\n\nsecond');
	});
});
