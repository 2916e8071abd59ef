/**
 * Edits of the request form made by the tools editor: examples, client and server tools,
 * tool_choice, and the turns a tool loop appends. Pure functions over RequestForm, called by
 * the request state's intent-named methods.
 */
import { blockToForm, emptyText, type RequestForm, type ToolForm } from '$lib/request/form';
import type { ToolChoice } from '$lib/schemas';
import type { ToolExample } from './examples';
import type { Turn } from './pairing';
import { clientToolDef, type ClientToolType } from './client-tools';
import type { ChoiceMode } from './tool-defs';

const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

export function findToolOfType(form: RequestForm, type: string): ToolForm | undefined {
	return form.tools?.find((t) => t.def.type === type);
}

/** Adds or removes one typed tool definition, keeping an existing one's settings and cache mark. */
export function setTypedTool(
	form: RequestForm,
	type: string,
	def: Record<string, unknown> | null
): void {
	const existing = findToolOfType(form, type);
	const rest = (form.tools ?? []).filter((t) => t.def.type !== type);
	form.tools = def ? [...rest, { def, cache: existing?.cache ?? null }] : rest;
	if (form.tools.length === 0) form.tools = undefined;
}

export function setClientTool(form: RequestForm, type: ClientToolType, on: boolean): void {
	setTypedTool(form, type, on ? (findToolOfType(form, type)?.def ?? clientToolDef(type)) : null);
}

/** The example's tools replace the custom ones (typed tools stay); its prompt fills an empty first turn. */
export function applyExample(form: RequestForm, example: ToolExample): void {
	const beta = (form.tools ?? []).filter((t) => typeof t.def.type === 'string');
	form.tools = [
		...example.tools.map((def) => ({ def: structuredClone(def), cache: null })),
		...beta
	];
	const first = form.messages[0]?.blocks[0];
	if (
		form.messages.length <= 1 &&
		(!first || (first.kind === 'text' && first.text.trim() === ''))
	) {
		form.messages = [
			{ role: 'user', blocks: [emptyText(example.prompt)], asString: true, extra: {} }
		];
	}
}

export function setToolChoice(form: RequestForm, choice: ToolChoice | undefined): void {
	const { tool_choice: _, ...rest } = form.extra;
	form.extra = choice ? { ...rest, tool_choice: choice } : rest;
}

/** The picker's view of the current tool_choice. */
export function readToolChoice(form: RequestForm): {
	mode: ChoiceMode;
	name: string;
	disableParallel: boolean;
} {
	const c = form.extra.tool_choice;
	if (!isRecord(c) || typeof c.type !== 'string')
		return { mode: 'default', name: '', disableParallel: false };
	const mode = (['auto', 'any', 'tool', 'none'] as const).find((m) => m === c.type) ?? 'default';
	return {
		mode,
		name: typeof c.name === 'string' ? c.name : '',
		disableParallel: c.disable_parallel_tool_use === true
	};
}

/** Appends a tool loop's assistant turn and the user turn with its tool_result blocks. */
export function appendTurns(form: RequestForm, turns: readonly Turn[]): void {
	for (const t of turns)
		form.messages.push({
			role: t.role,
			blocks: t.content.map(blockToForm),
			asString: false,
			extra: {}
		});
}
