import { CANARY_KEY } from '../../support/servers';

const PNG =
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** Requests that between them use every block type, tool kind and option the editor can produce. */
export interface CodeCase {
	request: Record<string, unknown>;
	betas: string[];
	apiVersion?: string;
}

const PDF = 'JVBERi0xLjQKJcfsj6IKMSAwIG9iago8PD4+CmVuZG9iagp0cmFpbGVyCjw8Pj4KJSVFT0YK';

export const CASES: Record<string, CodeCase> = {
	'plain text': {
		request: {
			model: 'claude-3-5-haiku-20241022',
			max_tokens: 256,
			messages: [{ role: 'user', content: 'It\'s "quoted" $HOME `tick` \\ back' }]
		},
		betas: []
	},
	"today's params and blocks": {
		apiVersion: '2026-10-21',
		request: {
			model: 'claude-sonnet-5-5',
			max_tokens: 4096,
			thinking: { type: 'enabled', budget_tokens: 2048, display: 'summarized' },
			output_config: {
				effort: 'high',
				format: {
					type: 'json_schema',
					schema: {
						type: 'object',
						properties: { answer: { type: 'string' } },
						required: ['answer'],
						additionalProperties: false
					}
				}
			},
			tools: [
				{
					name: 'lookup',
					input_schema: { type: 'object', properties: { q: { type: 'string' } } },
					strict: true
				},
				{
					type: 'web_search_20260318',
					name: 'web_search',
					max_uses: 3,
					allowed_domains: ['example.com'],
					user_location: { type: 'approximate', city: 'Oslo', country: 'NO' }
				},
				{ type: 'web_fetch_20260318', name: 'web_fetch' },
				{ type: 'code_execution_20260521', name: 'code_execution' },
				{ type: 'text_editor_20250728', name: 'str_replace_based_edit_tool' },
				{ type: 'bash_20250124', name: 'bash' },
				{ type: 'memory_20250818', name: 'memory' },
				{ type: 'computer_toolset_20260801' }
			],
			messages: [
				{
					role: 'user',
					content: [
						{
							type: 'document',
							source: { type: 'text', media_type: 'text/plain', data: 'Grass is green.' },
							title: 'Facts',
							context: 'A note',
							citations: { enabled: true }
						},
						{
							type: 'document',
							source: { type: 'base64', media_type: 'application/pdf', data: PDF },
							citations: { enabled: true }
						},
						{ type: 'document', source: { type: 'url', url: 'https://example.com/a.pdf' } },
						{
							type: 'document',
							source: { type: 'file', file_id: 'file_011CNha8iCJcU1wXNR6q4V8w' }
						},
						{
							type: 'search_result',
							source: 'https://kb.example.com/tides',
							title: 'Tides',
							content: [{ type: 'text', text: 'Tides rise twice a day.' }],
							citations: { enabled: true }
						},
						{
							type: 'text',
							text: 'What colour is grass?',
							cache_control: { type: 'ephemeral', ttl: '1h' }
						}
					]
				}
			]
		},
		betas: []
	},
	'every block type': {
		apiVersion: '2023-06-01',
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
					input_schema: {
						type: 'object',
						properties: { city: { type: 'string' } },
						required: ['city']
					}
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
						{
							type: 'document',
							source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0xLjQK' }
						}
					]
				},
				{
					role: 'assistant',
					content: [
						{ type: 'text', text: 'Checking.' },
						{
							type: 'tool_use',
							id: 'toolu_01',
							name: 'get_weather',
							input: { city: 'Oslo', nested: { ok: true, n: null } }
						}
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
export const ALL_CASES: [string, CodeCase][] = Object.entries(CASES).flatMap(
	([name, c]): [string, CodeCase][] => [
		[name, c],
		[`${name} (stream)`, { ...c, request: { ...c.request, stream: true } }]
	]
);

export { CANARY_KEY };
