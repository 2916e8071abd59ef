/** Starting points for the Output format editor: small JSON Schemas that structured output accepts. */
export interface SchemaExample {
	name: string;
	prompt: string;
	schema: Record<string, unknown>;
}

export const OUTPUT_SCHEMA_EXAMPLES: readonly SchemaExample[] = [
	{
		name: 'Contact card',
		prompt: 'Extract the contact: Ada Lovelace, ada@example.com, works at Analytical Engines Ltd.',
		schema: {
			type: 'object',
			properties: {
				name: { type: 'string' },
				email: { type: 'string', format: 'email' },
				company: { type: 'string' }
			},
			required: ['name', 'email'],
			additionalProperties: false
		}
	},
	{
		name: 'Sentiment',
		prompt: 'Classify the sentiment of: "The new release is fast and the docs are great."',
		schema: {
			type: 'object',
			properties: {
				sentiment: { type: 'string', enum: ['positive', 'neutral', 'negative'] },
				confidence: { type: 'number', minimum: 0, maximum: 1 }
			},
			required: ['sentiment', 'confidence'],
			additionalProperties: false
		}
	},
	{
		name: 'City list',
		prompt: 'List three European capitals with their countries.',
		schema: {
			type: 'object',
			properties: {
				cities: {
					type: 'array',
					items: {
						type: 'object',
						properties: { city: { type: 'string' }, country: { type: 'string' } },
						required: ['city', 'country'],
						additionalProperties: false
					}
				}
			},
			required: ['cities'],
			additionalProperties: false
		}
	}
];

/** The output schema text as typed: JSON, and an object (a JSON Schema document). */
export function checkOutputSchemaText(
	text: string
): { ok: true; schema: Record<string, unknown> } | { ok: false; error: string } {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (e) {
		return { ok: false, error: `Invalid JSON: ${(e as Error).message}` };
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		return { ok: false, error: 'The output format must be a JSON Schema object' };
	return { ok: true, schema: value as Record<string, unknown> };
}
