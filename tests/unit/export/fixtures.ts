import { CANARY_KEY } from '../../support/servers';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** Requests that between them use every block type, tool kind and option the editor can produce. */
export interface CodeCase {
	request: Record<string, unknown>;
	betas: string[];
}

export const CASES: Record<string, CodeCase> = {
	'plain text': {
		request: { model: 'claude-3-5-haiku-20241022', max_tokens: 256, messages: [{ role: 'user', content: "It's \"quoted\" $HOME `tick` \\ back" }] },
		betas: []
	},
	'every block type': {
		request: {
			model: 'claude-3-5-sonnet-20241022',
			max_tokens: 1024,
			system: [{ type: 'text', text: 'You are terse.', cache_control: { type: 'ephemeral' } }],
			metadata: { user_id: 'u-1' },
			stop_sequences: ['\n\nHuman:'],
			temperature: 0.5,
			top_k: 40,
			top_p: 0.9,
			tools: [
				{
					name: 'get_weather',
					description: 'Weather for a city',
					input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }
				}
			],
			tool_choice: { type: 'auto', disable_parallel_tool_use: true },
			messages: [
				{
					role: 'user',
					content: [
						{ type: 'text', text: 'Look: ünïcode ✓ and a line\nbreak' },
						{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG } },
						{ type: 'image', source: { type: 'url', url: 'https://example.com/cat.png' } },
						{ type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0xLjQK' } }
					]
				},
				{
					role: 'assistant',
					content: [
						{ type: 'text', text: 'Checking.' },
						{ type: 'tool_use', id: 'toolu_01', name: 'get_weather', input: { city: 'Oslo', nested: { ok: true, n: null } } }
					]
				},
				{
					role: 'user',
					content: [
						{ type: 'tool_result', tool_use_id: 'toolu_01', content: '12°C' },
						{
							type: 'tool_result',
							tool_use_id: 'toolu_02',
							is_error: true,
							content: [
								{ type: 'text', text: 'failed' },
								{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG } }
							]
						}
					]
				}
			]
		},
		betas: []
	},
	'computer use beta': {
		request: {
			model: 'claude-3-5-sonnet-20241022',
			max_tokens: 1024,
			tools: [
				{ type: 'computer_20241022', name: 'computer', display_width_px: 1024, display_height_px: 768, display_number: 1 },
				{ type: 'bash_20241022', name: 'bash' },
				{ type: 'text_editor_20241022', name: 'str_replace_editor' }
			],
			tool_choice: { type: 'any' },
			messages: [{ role: 'user', content: 'Open a terminal' }]
		},
		betas: ['computer-use-2024-10-22']
	},
	'named tool choice': {
		request: {
			model: 'claude-3-5-haiku-20241022',
			max_tokens: 100,
			tools: [{ name: 'noop', input_schema: { type: 'object' } }],
			tool_choice: { type: 'tool', name: 'noop' },
			messages: [{ role: 'user', content: 'Go' }]
		},
		betas: []
	}
};

/** The same cases, streamed. */
export const ALL_CASES: [string, CodeCase][] = Object.entries(CASES).flatMap(([name, c]): [string, CodeCase][] => [
	[name, c],
	[`${name} (stream)`, { ...c, request: { ...c.request, stream: true } }]
]);

export { CANARY_KEY };
