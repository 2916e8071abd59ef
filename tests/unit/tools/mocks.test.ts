import { describe, expect, it } from 'vitest';
import { mockAnswer, renderTemplate } from '$lib/tools/mocks';
import { TOOL_EXAMPLES } from '$lib/tools/examples';
import { customToolProblems } from '$lib/tools/tool-defs';

const call = (input: Record<string, unknown>) => ({ id: 'toolu_1', name: 't', input });

describe('renderTemplate', () => {
	it('fills placeholders from the input, strings JSON-escaped so JSON stays JSON', () => {
		const r = renderTemplate('{"city": "{{input.city}}", "temp_c": 21, "n": {{ input.n }}}', {
			city: 'Say "hi"',
			n: 3
		});
		expect(r).toEqual({ ok: true, text: '{"city": "Say \\"hi\\"", "temp_c": 21, "n": 3}' });
		if (r.ok) expect(JSON.parse(r.text).city).toBe('Say "hi"');
	});
	it('reads nested fields and array items, inserting objects as JSON', () => {
		expect(
			renderTemplate('{{input.a.b}} {{input.list.1}} {{input.a}}', { a: { b: 'x' }, list: [1, 2] })
		).toEqual({ ok: true, text: 'x 2 {"b":"x"}' });
	});
	it('reports missing fields and refuses anything but input paths', () => {
		expect(renderTemplate('{{input.city}}', {})).toEqual({
			ok: false,
			error: "Template: the call's input has no input.city"
		});
		expect(renderTemplate('{{input.constructor}}', {}).ok).toBe(false);
		expect(renderTemplate('{{input.__proto__}}', {}).ok).toBe(false);
		expect(renderTemplate('{{process.exit()}}', {})).toMatchObject({
			ok: false,
			error: expect.stringMatching(/not a placeholder/)
		});
	});
	it('leaves text without placeholders as it is', () => {
		expect(renderTemplate('plain {not a placeholder}', {})).toEqual({
			ok: true,
			text: 'plain {not a placeholder}'
		});
	});
});

describe('mockAnswer', () => {
	it('answers per responder kind', () => {
		expect(mockAnswer({ kind: 'none' }, call({}))).toBeNull();
		expect(mockAnswer({ kind: 'fixed', text: '{"ok":true}' }, call({}))).toEqual({
			text: '{"ok":true}',
			isError: false
		});
		expect(mockAnswer({ kind: 'fixed', text: 'down', isError: true }, call({}))).toEqual({
			text: 'down',
			isError: true
		});
		expect(mockAnswer({ kind: 'template', template: '{{input.q}}!' }, call({ q: 'hi' }))).toEqual({
			text: 'hi!',
			isError: false
		});
		expect(mockAnswer({ kind: 'template', template: '{{input.q}}' }, call({}))?.isError).toBe(true);
	});
	it('runs the calculator on the expression, and reports refusals as errors', () => {
		expect(mockAnswer({ kind: 'calculator' }, call({ expression: '(2 + 3) * 4' }))).toEqual({
			text: '20',
			isError: false
		});
		expect(mockAnswer({ kind: 'calculator' }, call({ expr: '2^3' }))).toEqual({
			text: '8',
			isError: false
		});
		expect(
			mockAnswer({ kind: 'calculator' }, call({ expression: 'process.exit()' }))
		).toMatchObject({ isError: true, text: expect.stringMatching(/^Cannot evaluate/) });
		expect(mockAnswer({ kind: 'calculator' }, call({ n: 1 }))?.isError).toBe(true);
	});
});

describe('examples', () => {
	it('has valid tool definitions, each with a mock', () => {
		for (const ex of TOOL_EXAMPLES) {
			for (const tool of ex.tools) {
				expect(customToolProblems(tool), `${ex.id}/${tool.name}`).toEqual([]);
				expect(ex.mocks[tool.name as string], `${ex.id}/${tool.name}`).toBeDefined();
			}
		}
	});
});
