import { describe, expect, it } from 'vitest';
import { BatchCreateParamsSchema, MessageCreateParamsSchema, describeIssues } from '$lib/schemas';

const base = { model: 'claude-3-5-sonnet-20241022', max_tokens: 100, messages: [{ role: 'user', content: 'Hello' }] };

function problem(body: unknown): string {
	const r = MessageCreateParamsSchema.safeParse(body);
	return r.success ? 'ok' : describeIssues(r.error);
}

describe('MessageCreateParamsSchema', () => {
	it('accepts every 2024 feature together', () => {
		const body = {
			...base,
			system: [{ type: 'text', text: 'Be brief.', cache_control: { type: 'ephemeral' } }],
			metadata: { user_id: 'u-1' },
			stop_sequences: ['END'],
			stream: true,
			temperature: 0.5,
			top_k: 5,
			top_p: 0.9,
			tools: [
				{ name: 'get_weather', description: 'Weather', input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
				{ type: 'computer_20241022', name: 'computer', display_width_px: 1024, display_height_px: 768, display_number: 1 },
				{ type: 'bash_20241022', name: 'bash' },
				{ type: 'text_editor_20241022', name: 'str_replace_editor' }
			],
			tool_choice: { type: 'tool', name: 'get_weather', disable_parallel_tool_use: true },
			messages: [
				{ role: 'user', content: [{ type: 'text', text: 'hi' }, { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } }] },
				{ role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Oslo' } }] },
				{ role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: [{ type: 'text', text: '12C' }], is_error: false }] }
			]
		};
		expect(MessageCreateParamsSchema.parse(body)).toEqual(body);
	});

	it.each([
		[{ ...base, max_tokens: undefined }, /^max_tokens: /],
		[{ ...base, max_tokens: 0 }, /^max_tokens: /],
		[{ ...base, max_tokens: 1.5 }, /^max_tokens: /],
		[{ ...base, model: 42 }, /^model: /],
		[{ ...base, temperature: -0.1 }, /^temperature: /],
		[{ ...base, top_p: 2 }, /^top_p: /],
		[{ ...base, stop_sequences: 'END' }, /^stop_sequences: /],
		[{ ...base, messages: [{ role: 'tool', content: 'x' }] }, /^messages\.0\.role: /],
		[{ ...base, messages: [{ role: 'user', content: [{ type: 'text' }] }] }, /^messages\.0\.content\.0\.text: /],
		[{ ...base, messages: [{ role: 'user', content: [{ type: 'tool_result' }] }] }, /^messages\.0\.content\.0\.tool_use_id: /],
		[{ ...base, tools: [{ name: 'bad name!', input_schema: { type: 'object' } }] }, /^tools\.0\.name: /],
		[{ ...base, tools: [{ name: 'ok', input_schema: { type: 'array' } }] }, /^tools\.0\.input_schema\.type: /],
		[{ ...base, tools: [{ type: 'computer_20241022', name: 'computer', display_width_px: 0, display_height_px: 768 }] }, /^tools\.0\.display_width_px: /],
		[{ ...base, tool_choice: { type: 'tool' } }, /^tool_choice\.name: /],
		[{ ...base, system: [{ type: 'text', text: 'x', cache_control: { type: 'forever' } }] }, /^system\.0\.cache_control\.type: /]
	])('rejects %j naming the field', (body, expected) => {
		expect(problem(body)).toMatch(expected);
	});

	it('passes unknown fields and block types through untouched', () => {
		const body = { ...base, thinking: { type: 'enabled', budget_tokens: 1024 }, messages: [{ role: 'user', content: [{ type: 'container_upload', file_id: 'f1' }] }] };
		expect(MessageCreateParamsSchema.parse(body)).toEqual(body);
	});
});

describe('BatchCreateParamsSchema', () => {
	const req = (id: string) => ({ custom_id: id, params: base });
	it('accepts distinct custom ids', () => {
		expect(BatchCreateParamsSchema.safeParse({ requests: [req('a'), req('b')] }).success).toBe(true);
	});
	it.each([
		[{ requests: [] }, /requests: requests must not be empty/],
		[{ requests: [req('a'), req('a')] }, /requests\.1\.custom_id: duplicate/],
		[{ requests: [req('has space')] }, /requests\.0\.custom_id: /],
		[{ requests: [{ custom_id: 'a', params: { ...base, stream: true } }] }, /requests\.0\.params\.stream: /]
	])('rejects %j', (body, expected) => {
		const r = BatchCreateParamsSchema.safeParse(body);
		expect(r.success ? 'ok' : describeIssues(r.error)).toMatch(expected);
	});
});
