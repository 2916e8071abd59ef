/**
 * Structured output: the answer's text parsed as JSON and checked against the request's
 * `output_config.format.schema` with a real JSON Schema validator. @cfworker/json-schema
 * interprets the schema (no code generation), so it runs under the page's CSP, which
 * forbids eval.
 */
import { Validator, type Schema } from '@cfworker/json-schema';

export type StructuredCheck =
	| { kind: 'not-json'; error: string }
	| { kind: 'checked'; value: unknown; pretty: string; valid: boolean; errors: string[] };

export function checkStructured(text: string, schema: Record<string, unknown>): StructuredCheck {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (e) {
		return { kind: 'not-json', error: (e as Error).message };
	}
	const result = new Validator(schema as Schema, '2020-12', false).validate(value);
	// The validator reports every keyword up the tree; the leaves say what was wrong.
	const errors = result.errors
		.filter((e) => !/^(properties|items|allOf|anyOf|oneOf|\$ref)$/.test(e.keyword))
		.map((e) => `${e.instanceLocation}: ${e.error}`);
	return {
		kind: 'checked',
		value,
		pretty: JSON.stringify(value, null, 2),
		valid: result.valid,
		errors: result.valid ? [] : errors.length ? errors : result.errors.map((e) => e.error)
	};
}
