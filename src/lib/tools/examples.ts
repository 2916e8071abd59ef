/** Ready-made tool sets, so a tool-use demo is one click away: tools, their mocks, a prompt. */
import type { MockResponder } from './mocks';

export interface ToolExample {
	id: string;
	label: string;
	prompt: string;
	tools: Record<string, unknown>[];
	mocks: Record<string, MockResponder>;
}

export const TOOL_EXAMPLES: readonly ToolExample[] = [
	{
		id: 'weather',
		label: 'Weather lookup',
		prompt: 'What is the weather like in Paris right now?',
		tools: [
			{
				name: 'get_weather',
				description: 'Get the current weather for a city.',
				input_schema: {
					type: 'object',
					properties: {
						city: { type: 'string', description: 'City name, e.g. Paris' },
						unit: {
							type: 'string',
							enum: ['celsius', 'fahrenheit'],
							description: 'Temperature unit'
						}
					},
					required: ['city']
				}
			}
		],
		mocks: {
			get_weather: {
				kind: 'template',
				template: '{"city": "{{input.city}}", "temp_c": 21, "conditions": "sunny"}'
			}
		}
	},
	{
		id: 'calculator',
		label: 'Calculator',
		prompt: 'What is (17.5 + 4) * 3 ^ 2 - 12 / 5?',
		tools: [
			{
				name: 'calculate',
				description: 'Evaluate an arithmetic expression with + - * / % ^ and parentheses.',
				input_schema: {
					type: 'object',
					properties: {
						expression: { type: 'string', description: 'The expression, e.g. (2 + 3) * 4' }
					},
					required: ['expression']
				}
			}
		],
		mocks: { calculate: { kind: 'calculator' } }
	},
	{
		id: 'database',
		label: 'Database query',
		prompt: 'How many orders did each customer place last week?',
		tools: [
			{
				name: 'query_database',
				description:
					'Run a read-only SQL query against the shop database and return the rows as JSON.',
				input_schema: {
					type: 'object',
					properties: {
						sql: { type: 'string', description: 'A single SELECT statement' },
						limit: {
							type: 'integer',
							minimum: 1,
							maximum: 100,
							description: 'Maximum rows to return'
						}
					},
					required: ['sql']
				}
			},
			{
				name: 'list_tables',
				description: 'List the tables in the shop database with their columns.',
				input_schema: { type: 'object', properties: {} }
			}
		],
		mocks: {
			query_database: {
				kind: 'fixed',
				text: '{"rows": [{"customer": "Ada", "orders": 3}, {"customer": "Grace", "orders": 5}], "row_count": 2}'
			},
			list_tables: {
				kind: 'fixed',
				text: '{"tables": {"customers": ["id", "name"], "orders": ["id", "customer_id", "placed_at", "total"]}}'
			}
		}
	}
];
