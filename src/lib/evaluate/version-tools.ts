/**
 * A prompt version's tools. The template keeps the tools of the request it started from (the
 * playground's or a saved prompt's); a version may send none, or its own list, instead. The
 * override sits beside the template, so going back to the source's tools loses nothing.
 */
import type { EvalVersion } from '$lib/schemas/evaluation';

export type ToolsChoice = 'source' | 'none' | 'json';
type Body = Record<string, unknown>;
type Tool = Record<string, unknown>;

export function toolsChoice(version: EvalVersion): ToolsChoice {
	if (version.tools === 'none') return 'none';
	return Array.isArray(version.tools) ? 'json' : 'source';
}

export function sourceTools(version: EvalVersion): Tool[] {
	return Array.isArray(version.template.tools) ? (version.template.tools as Tool[]) : [];
}

/** The tools this version sends. */
export function toolsSent(version: EvalVersion): Tool[] {
	if (version.tools === 'none') return [];
	return Array.isArray(version.tools) ? version.tools : sourceTools(version);
}

/**
 * The request this version sends before its case is filled in: the template with the tools
 * override applied. Sending no tools drops `tool_choice` too (the API refuses one without tools).
 */
export function effectiveTemplate(version: EvalVersion): Body {
	if (version.tools === undefined) return version.template;
	const { tools: _tools, tool_choice: toolChoice, ...rest } = version.template;
	if (version.tools === 'none') return rest;
	const withChoice = toolChoice === undefined ? rest : { ...rest, tool_choice: toolChoice };
	return version.tools.length ? { ...withChoice, tools: version.tools } : rest;
}

/** A tools list typed as JSON: an array of tool definitions, each an object with a name. */
export function parseToolsJson(text: string): { tools: Tool[] } | { error: string } {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (e) {
		return { error: `Not JSON: ${(e as Error).message}` };
	}
	if (!Array.isArray(value)) return { error: 'Tools must be a JSON array of tool definitions' };
	const bad = value.findIndex(
		(t) => typeof t !== 'object' || t === null || Array.isArray(t) || typeof t.name !== 'string'
	);
	if (bad !== -1) return { error: `Tool ${bad + 1} is not an object with a "name"` };
	return { tools: value as Tool[] };
}
