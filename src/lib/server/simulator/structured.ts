import type { MessageCreateParams } from '$lib/schemas';
import { HttpProblem } from '../http';
import { sampleJson, type Hint } from './json-sample';
import type { Rng } from './random';

/**
 * Structured output (`output_config.format: {type: "json_schema", schema}`): the answer's text
 * is one JSON document valid against the schema, filled from the prompt where it can be.
 */
export interface OutputConfig {
	effort?: 'low' | 'medium' | 'high' | 'xhigh' | 'max' | null;
	format?: { type: 'json_schema'; schema: Record<string, unknown> } | null;
}

const EFFORTS = ['low', 'medium', 'high', 'xhigh', 'max'];

export function outputConfigOf(params: MessageCreateParams): OutputConfig {
	const c = (params as { output_config?: OutputConfig | null }).output_config;
	if (c === undefined || c === null) return {};
	if (typeof c !== 'object' || Array.isArray(c))
		throw new HttpProblem(
			'invalid_request_error',
			'output_config: Input should be a valid dictionary'
		);
	if (c.effort !== undefined && c.effort !== null && !EFFORTS.includes(c.effort))
		throw new HttpProblem(
			'invalid_request_error',
			`output_config.effort: Input should be 'low', 'medium', 'high', 'xhigh' or 'max'`
		);
	const f = c.format;
	if (f !== undefined && f !== null) {
		if (f.type !== 'json_schema')
			throw new HttpProblem(
				'invalid_request_error',
				`output_config.format.type: Input should be 'json_schema'`
			);
		if (!f.schema || typeof f.schema !== 'object' || Array.isArray(f.schema))
			throw new HttpProblem(
				'invalid_request_error',
				'output_config.format.schema: Input should be a valid dictionary'
			);
	}
	return c;
}

export function structuredText(schema: Record<string, unknown>, rng: Rng, hint?: Hint): string {
	return JSON.stringify(sampleJson(schema, rng, hint));
}
