import { describe, expect, it } from 'vitest';
import { cellRequest, gridRequests, gridVariables, MissingValuesError } from '$lib/evaluate/grid';
import { withEffort } from '$lib/evaluate/template-edit';
import {
	effectiveTemplate,
	parseToolsJson,
	toolsChoice,
	toolsSent
} from '$lib/evaluate/version-tools';
import type { EvalVersion } from '$lib/schemas/evaluation';

const search = { name: 'search', input_schema: { type: 'object' } };
const weather = { name: 'get_weather', description: 'Weather in {{city}}', input_schema: {} };
const version = (extra: Partial<EvalVersion> = {}): EvalVersion => ({
	id: 'a',
	label: 'A',
	template: {
		model: 'claude-sonnet-5-5',
		max_tokens: 100,
		tools: [search],
		tool_choice: { type: 'auto' },
		messages: [{ role: 'user', content: 'About {{city}}' }]
	},
	...extra
});

describe('a version’s tools', () => {
	it('keeps the source request’s tools when nothing overrides them', () => {
		const v = version();
		expect(toolsChoice(v)).toBe('source');
		expect(toolsSent(v)).toEqual([search]);
		expect(effectiveTemplate(v)).toBe(v.template);
	});

	it('sends no tools, and no tool_choice, when the version says none', () => {
		const v = version({ tools: 'none' });
		expect(toolsChoice(v)).toBe('none');
		const body = cellRequest(v, { id: 'c', vars: { city: 'Oslo' } }, 1).body;
		expect(body).not.toHaveProperty('tools');
		expect(body).not.toHaveProperty('tool_choice');
		expect(body.messages).toEqual([{ role: 'user', content: 'About Oslo' }]);
	});

	it('sends its own list, filled in like the rest of the template, keeping tool_choice', () => {
		const v = version({ tools: [weather] });
		expect(toolsChoice(v)).toBe('json');
		expect(gridVariables([v])).toEqual(['city']);
		const body = cellRequest(v, { id: 'c', vars: { city: 'Lima' } }, 1).body;
		expect(body.tools).toEqual([{ ...weather, description: 'Weather in Lima' }]);
		expect(body.tool_choice).toEqual({ type: 'auto' });
	});

	it('reads typed JSON as a list of named tools, or says what is wrong', () => {
		expect(parseToolsJson(JSON.stringify([weather]))).toEqual({ tools: [weather] });
		expect(parseToolsJson('[{"name": ')).toEqual({ error: expect.stringMatching(/^Not JSON/) });
		expect(parseToolsJson('{"name": "x"}')).toEqual({
			error: 'Tools must be a JSON array of tool definitions'
		});
		expect(parseToolsJson('[{"name": "x"}, {"description": "no name"}]')).toEqual({
			error: 'Tool 2 is not an object with a "name"'
		});
	});
});

describe('gridRequests', () => {
	it('builds one request per version and case, and keeps a missing value as its error', () => {
		const a = version();
		const b = version({ id: 'b', tools: 'none' });
		const requests = gridRequests(
			[a, b],
			[
				{ id: 'c1', vars: { city: 'Oslo' } },
				{ id: 'c2', vars: {} }
			]
		);
		expect(requests.size).toBe(4);
		const values = [...requests.values()];
		expect(values.filter((r) => r instanceof MissingValuesError).map((e) => e.message)).toEqual([
			'Case 2 has no value for {{city}}',
			'Case 2 has no value for {{city}}'
		]);
		expect(values.filter((r) => !(r instanceof Error))).toHaveLength(2);
	});
});

describe('withEffort', () => {
	it('sets and removes output_config.effort, keeping the rest of output_config', () => {
		const format = { type: 'json_schema', schema: {} };
		const set = withEffort({ model: 'm', output_config: { format } }, 'high');
		expect(set.output_config).toEqual({ format, effort: 'high' });
		expect(withEffort(set, undefined).output_config).toEqual({ format });
		expect(withEffort({ model: 'm', output_config: { effort: 'low' } }, undefined)).toEqual({
			model: 'm'
		});
	});
});
