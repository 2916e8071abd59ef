import { describe, expect, it } from 'vitest';
import { substitute, templateFromRequest, templateVariables } from '$lib/batches/template';

const template = {
	model: 'claude-3-5-haiku-20241022',
	max_tokens: '{{max_tokens}}',
	system: 'You answer as {{ persona }}.',
	messages: [{ role: 'user', content: [{ type: 'text', text: 'Summarise: {{text}}' }] }]
};

describe('templateVariables', () => {
	it('lists each variable once, in first-use order, spaces allowed inside braces', () => {
		expect(templateVariables(template)).toEqual(['max_tokens', 'persona', 'text']);
	});
});

describe('substitute', () => {
	it('puts quotes, backslashes, newlines and unicode into strings so the JSON stays valid', () => {
		const text = 'He said "hi" \\ then\nleft\t— 你好 👋 \u2028 {"json": true}';
		const { value, missing } = substitute(template, {
			max_tokens: '100',
			persona: 'a "pirate"',
			text
		});
		expect(missing).toEqual([]);
		const roundTrip = JSON.parse(JSON.stringify(value));
		expect(roundTrip.messages[0].content[0].text).toBe(`Summarise: ${text}`);
		expect(roundTrip.system).toBe('You answer as a "pirate".');
	});

	it('turns a whole-string placeholder in a numeric param into a number, and only there', () => {
		const { value } = substitute(
			{ ...template, metadata: { user_id: '{{max_tokens}}' } },
			{ max_tokens: '256', persona: 'x', text: '42' }
		);
		const v = value as Record<string, unknown> & {
			metadata: { user_id: unknown };
			messages: { content: { text: string }[] }[];
		};
		expect(v.max_tokens).toBe(256);
		expect(v.metadata.user_id).toBe('256');
		expect(v.messages[0].content[0].text).toBe('Summarise: 42');
	});

	it('keeps a non-numeric value for a numeric param as a string (validation reports it)', () => {
		const { value } = substitute(template, { max_tokens: 'lots', persona: 'x', text: 'y' });
		expect((value as { max_tokens: unknown }).max_tokens).toBe('lots');
	});

	it('reports missing variables and leaves their placeholders', () => {
		const { value, missing } = substitute(template, { max_tokens: '5' });
		expect(missing).toEqual(['persona', 'text']);
		expect((value as { system: string }).system).toBe('You answer as {{ persona }}.');
	});

	it('does not treat $ patterns in values as replacement tokens', () => {
		const { value } = substitute({ s: '{{a}}' }, { a: "$& $1 $$ $'" });
		expect(value).toEqual({ s: "$& $1 $$ $'" });
	});

	it('does not touch the template', () => {
		const copy = structuredClone(template);
		substitute(template, { max_tokens: '1', persona: 'p', text: 't' });
		expect(template).toEqual(copy);
	});
});

describe('templateFromRequest', () => {
	it('drops stream (batch requests must not stream) and keeps the rest', () => {
		expect(templateFromRequest({ model: 'm', stream: true, max_tokens: 5 })).toEqual({
			model: 'm',
			max_tokens: 5
		});
	});
});
