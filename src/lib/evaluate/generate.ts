import { z } from 'zod';
import type { EvalCase } from '$lib/schemas/evaluation';

export const MAX_GENERATED = 50;

/** The request that asks a model for `count` more cases like the given ones. */
export function generateCasesRequest(
	variables: readonly string[],
	examples: readonly EvalCase[],
	count: number,
	model: string
): Record<string, unknown> {
	const shown = examples.slice(0, 10).map((c) => JSON.stringify(c.vars));
	const caseSchema = {
		type: 'object',
		properties: Object.fromEntries(variables.map((v) => [v, { type: 'string' }])),
		required: [...variables],
		additionalProperties: false
	};
	return {
		model,
		max_tokens: 4096,
		system:
			'You write test cases for evaluating a prompt. Vary them: typical, unusual and edge cases.',
		messages: [
			{
				role: 'user',
				content:
					`Write ${count} new test cases with the variables ${variables.join(', ')}.` +
					(shown.length ? `\nHere are existing cases:\n${shown.join('\n')}` : '')
			}
		],
		output_config: {
			format: {
				type: 'json_schema',
				schema: {
					type: 'object',
					properties: {
						cases: { type: 'array', items: caseSchema, minItems: count, maxItems: count }
					},
					required: ['cases'],
					additionalProperties: false
				}
			}
		}
	};
}

/** The generated cases, kept to the known variables; values are text. */
export function parseGeneratedCases(
	text: string,
	variables: readonly string[]
): Omit<EvalCase, 'id'>[] {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		throw new Error('The model did not answer with JSON');
	}
	const parsed = z.object({ cases: z.array(z.record(z.string(), z.unknown())) }).safeParse(value);
	if (!parsed.success) throw new Error('The model answered without a "cases" list');
	return parsed.data.cases.slice(0, MAX_GENERATED).map((c) => ({
		vars: Object.fromEntries(
			variables.map((v) => [v, typeof c[v] === 'string' ? c[v] : JSON.stringify(c[v] ?? '')])
		)
	}));
}
