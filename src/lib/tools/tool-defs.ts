/**
 * Tool definitions as the tools editor builds them: checking a custom tool before it is
 * sent, and tool_choice with its parallel-use switch.
 */
import {
	CustomToolSchema,
	describeIssue,
	describeIssues,
	InputSchemaSchema,
	TOOL_NAME,
	type ToolChoice
} from '$lib/schemas';

export type SchemaCheck =
	{ ok: true; schema: Record<string, unknown> } | { ok: false; error: string };

/** The input_schema text as typed in the editor: JSON, an object, and an object schema. */
export function checkSchemaText(text: string): SchemaCheck {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (e) {
		return { ok: false, error: `Invalid JSON: ${(e as Error).message}` };
	}
	const parsed = InputSchemaSchema.safeParse(value);
	if (!parsed.success)
		return {
			ok: false,
			error: parsed.error.issues[0].path.length
				? describeIssues(parsed.error)
				: 'input_schema must be a JSON object with "type": "object"'
		};
	return { ok: true, schema: value as Record<string, unknown> };
}

export function checkToolName(name: string): string | null {
	return TOOL_NAME.test(name) ? null : 'The name must be 1–64 letters, digits, "_" or "-"';
}

/** Every problem of a custom tool definition, as "field: message" lines. */
export function customToolProblems(def: Record<string, unknown>): string[] {
	const parsed = CustomToolSchema.safeParse(def);
	return parsed.success ? [] : parsed.error.issues.map((i) => describeIssue(i));
}

export interface Display {
	width: number;
	height: number;
	number: number | null;
}

export type ChoiceMode = 'default' | 'auto' | 'any' | 'tool' | 'none';

/** The tool_choice value for the picker's state; undefined leaves the field out (the API's auto). */
export function toolChoice(
	mode: ChoiceMode,
	name: string,
	disableParallel: boolean
): ToolChoice | undefined {
	const parallel = disableParallel ? { disable_parallel_tool_use: true } : {};
	switch (mode) {
		case 'default':
			return disableParallel ? { type: 'auto', ...parallel } : undefined;
		case 'none':
			return { type: 'none' };
		case 'tool':
			return { type: 'tool', name, ...parallel };
		default:
			return { type: mode, ...parallel };
	}
}
