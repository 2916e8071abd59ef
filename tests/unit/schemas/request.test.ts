import { describe, expect, it } from 'vitest';
import { BatchCreateParamsSchema, MessageCreateParamsSchema, describeIssues } from '$lib/schemas';

const base = {
	model: 'claude-3-5-sonnet-20241022',
	max_tokens: 100,
	messages: [{ role: 'user', content: 'Hello' }]
};

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
				{
					name: 'get_weather',
					description: 'Weather',
					input_schema: {
						type: 'object',
						properties: { city: { type: 'string' } },
						required: ['city']
					}
				},
				{
					type: 'computer_20241022',
					name: 'computer',
					display_width_px: 1024,
					display_height_px: 768,
					display_number: 1
				},
				{ type: 'bash_20241022', name: 'bash' },
				{ type: 'text_editor_20241022', name: 'str_replace_editor' }
			],
			tool_choice: { type: 'tool', name: 'get_weather', disable_parallel_tool_use: true },
			messages: [
				{
					role: 'user',
					content: [
						{ type: 'text', text: 'hi' },
						{
							type: 'image',
							source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' }
						}
					]
				},
				{
					role: 'assistant',
					content: [
						{ type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Oslo' } }
					]
				},
				{
					role: 'user',
					content: [
						{
							type: 'tool_result',
							tool_use_id: 'toolu_1',
							content: [{ type: 'text', text: '12C' }],
							is_error: false
						}
					]
				}
			]
		};
		expect(MessageCreateParamsSchema.parse(body)).toEqual(body);
	});

	it.each([
		[{ ...base, max_tokens: undefined }, /^max_tokens: /],
		[{ ...base, max_tokens: -1 }, /^max_tokens: /],
		[{ ...base, max_tokens: 1.5 }, /^max_tokens: /],
		[{ ...base, model: 42 }, /^model: /],
		[{ ...base, temperature: -0.1 }, /^temperature: /],
		[{ ...base, top_p: 2 }, /^top_p: /],
		[{ ...base, stop_sequences: 'END' }, /^stop_sequences: /],
		[{ ...base, messages: [{ role: 'tool', content: 'x' }] }, /^messages\.0\.role: /],
		[
			{ ...base, messages: [{ role: 'user', content: [{ type: 'text' }] }] },
			/^messages\.0\.content\.0\.text: /
		],
		[
			{ ...base, messages: [{ role: 'user', content: [{ type: 'tool_result' }] }] },
			/^messages\.0\.content\.0\.tool_use_id: /
		],
		[
			{ ...base, tools: [{ name: 'bad name!', input_schema: { type: 'object' } }] },
			/^tools\.0\.name: /
		],
		[
			{ ...base, tools: [{ name: 'ok', input_schema: { type: 'array' } }] },
			/^tools\.0\.input_schema\.type: /
		],
		[
			{
				...base,
				tools: [
					{
						type: 'computer_20241022',
						name: 'computer',
						display_width_px: 0,
						display_height_px: 768
					}
				]
			},
			/^tools\.0\.display_width_px: /
		],
		[{ ...base, tool_choice: { type: 'tool' } }, /^tool_choice\.name: /],
		[
			{ ...base, system: [{ type: 'text', text: 'x', cache_control: { type: 'forever' } }] },
			/^system\.0\.cache_control\.type: /
		],
		[
			{ ...base, tools: [{ type: 'web_search_20250305', name: 'search' }] },
			/^tools\.0\.name: a web_search_20250305 tool must be named "web_search"/
		],
		[{ ...base, thinking: { type: 'enabled' } }, /^thinking\.budget_tokens: /],
		[{ ...base, output_config: { effort: 'extreme' } }, /^output_config\.effort: /],
		[{ ...base, service_tier: 'priority' }, /^service_tier: /],
		[
			{
				...base,
				messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'file' } }] }]
			},
			/^messages\.0\.content\.0\.source\.file_id: /
		],
		[
			{
				...base,
				messages: [
					{
						role: 'user',
						content: [
							{ type: 'tool_result', tool_use_id: 't', content: [{ type: 'tool_reference' }] }
						]
					}
				]
			},
			/^messages\.0\.content\.0\.content\.0\.tool_name: /
		],
		[{ ...base, container: 42 }, /^container: /]
	])('rejects %j naming the field', (body, expected) => {
		expect(problem(body)).toMatch(expected);
	});

	// Issue 13: bodies SDK 1.14's types allow that the gateway used to refuse.
	it.each([
		['max_tokens 0 (cache pre-warming)', { ...base, max_tokens: 0 }],
		[
			'a system-role turn',
			{ ...base, messages: [{ role: 'system', content: 'Be brief.' }, ...base.messages] }
		],
		[
			'a beta system turn without content',
			{ ...base, messages: [...base.messages, { role: 'system', clear_at: 'never' }] }
		],
		[
			'an image from the Files API',
			{
				...base,
				messages: [
					{
						role: 'user',
						content: [{ type: 'image', source: { type: 'file', file_id: 'file_1' } }]
					}
				]
			}
		],
		[
			'a document from the Files API',
			{
				...base,
				messages: [
					{
						role: 'user',
						content: [
							{
								type: 'document',
								source: { type: 'file', file_id: 'file_1' },
								citations: { enabled: true }
							}
						]
					}
				]
			}
		],
		[
			'tool_result content with document, search_result and tool_reference',
			{
				...base,
				messages: [
					{ role: 'user', content: 'x' },
					{ role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'f', input: {} }] },
					{
						role: 'user',
						content: [
							{
								type: 'tool_result',
								tool_use_id: 't1',
								content: [
									{
										type: 'document',
										source: { type: 'text', media_type: 'text/plain', data: 'doc' }
									},
									{
										type: 'search_result',
										source: 'https://x',
										title: 'X',
										content: [{ type: 'text', text: 'hit' }]
									},
									{ type: 'tool_reference', tool_name: 'f' }
								]
							}
						]
					}
				]
			}
		],
		[
			'a custom tool with type null',
			{ ...base, tools: [{ type: null, name: 'f', input_schema: { type: 'object' } }] }
		],
		['top-level cache_control null', { ...base, cache_control: null }],
		[
			'adaptive thinking with display omitted',
			{ ...base, thinking: { type: 'adaptive', display: 'omitted' } }
		],
		['between_tools thinking', { ...base, thinking: { type: 'between_tools' } }],
		[
			'structured output and effort',
			{
				...base,
				output_config: {
					effort: 'xhigh',
					format: { type: 'json_schema', schema: { type: 'object' } }
				}
			}
		],
		[
			'service tier, speed, geo, container, diagnostics',
			{
				...base,
				service_tier: 'standard_only',
				speed: 'fast',
				inference_geo: 'us',
				container: 'cont_1',
				diagnostics: { previous_message_id: 'msg_1' }
			}
		],
		[
			'a container with skills',
			{
				...base,
				container: {
					id: null,
					skills: [{ skill_id: 'pptx', type: 'anthropic', version: 'latest' }]
				}
			}
		],
		[
			'user_profile_id and workspace_id in a body',
			{ ...base, user_profile_id: 'up_1', workspace_id: 'wrkspc_1' }
		],
		[
			'current tool types',
			{
				...base,
				tools: [
					{ type: 'web_search_20260318', name: 'web_search', max_uses: 3 },
					{ type: 'web_fetch_20260318', name: 'web_fetch' },
					{ type: 'code_execution_20260521', name: 'code_execution' },
					{ type: 'bash_20250124', name: 'bash' },
					{ type: 'text_editor_20250728', name: 'str_replace_based_edit_tool' },
					{ type: 'memory_20250818', name: 'memory' },
					{ type: 'computer_toolset_20260801' },
					{ type: 'tool_search_tool_bm25', name: 'tool_search_tool_bm25' }
				]
			}
		],
		[
			'server-tool blocks in the history',
			{
				...base,
				messages: [
					{ role: 'user', content: 'search' },
					{
						role: 'assistant',
						content: [
							{
								type: 'server_tool_use',
								id: 'srvtoolu_1',
								name: 'web_search',
								input: { query: 'q' }
							},
							{ type: 'web_search_tool_result', tool_use_id: 'srvtoolu_1', content: [] },
							{ type: 'thinking', thinking: 'hm', signature: 'sig' },
							{ type: 'redacted_thinking', data: 'abc' }
						]
					}
				]
			}
		]
	])('accepts %s, unchanged', (_name, body) => {
		expect(MessageCreateParamsSchema.parse(body)).toEqual(body);
	});

	it('passes unknown fields and block types through untouched', () => {
		const body = {
			...base,
			thinking: { type: 'enabled', budget_tokens: 1024 },
			messages: [{ role: 'user', content: [{ type: 'container_upload', file_id: 'f1' }] }]
		};
		expect(MessageCreateParamsSchema.parse(body)).toEqual(body);
	});
});

describe('BatchCreateParamsSchema', () => {
	const req = (id: string) => ({ custom_id: id, params: base });
	it('accepts a batch whose requests use what SDK 1.14 allows', () => {
		const sdkValid = [
			{ custom_id: 'warm', params: { ...base, max_tokens: 0 } },
			{
				custom_id: 'sys',
				params: { ...base, messages: [{ role: 'system', content: 'Terse.' }, ...base.messages] }
			},
			{ custom_id: 'null-cache', params: { ...base, cache_control: null } }
		];
		expect(BatchCreateParamsSchema.safeParse({ requests: sdkValid }).success).toBe(true);
	});
	it('accepts distinct custom ids', () => {
		expect(BatchCreateParamsSchema.safeParse({ requests: [req('a'), req('b')] }).success).toBe(
			true
		);
	});
	it.each([
		[{ requests: [] }, /requests: requests must not be empty/],
		[{ requests: [req('a'), req('a')] }, /requests\.1\.custom_id: duplicate/],
		[{ requests: [req('has space')] }, /requests\.0\.custom_id: /],
		[
			{ requests: [{ custom_id: 'a', params: { ...base, stream: true } }] },
			/requests\.0\.params\.stream: /
		],
		[
			{ requests: [req('a'), { custom_id: 'b', params: { ...base, max_tokens: 'x' } }] },
			/requests\.1\.params\.max_tokens: /
		]
	])('rejects %j', (body, expected) => {
		const r = BatchCreateParamsSchema.safeParse(body);
		expect(r.success ? 'ok' : describeIssues(r.error)).toMatch(expected);
	});
});
