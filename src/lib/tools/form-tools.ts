/**
 * Edits of the request form made by the tools editor: examples, beta tools, tool_choice,
 * and the turns a tool loop appends. Pure functions over RequestForm, called by
 * PlaygroundState's intent-named methods.
 */
import { blockToForm, emptyText, type RequestForm, type ToolForm } from '$lib/request/form';
import type { ToolChoice } from '$lib/schemas';
import type { ToolExample } from './examples';
import type { Turn } from './pairing';
import { betaToolDef, type BetaToolType, type ChoiceMode, type Display } from './tool-defs';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function findBetaTool(form: RequestForm, type: BetaToolType): ToolForm | undefined {
	return form.tools?.find((t) => t.def.type === type);
}

/** Adds or removes one beta tool; the display settings apply to the computer tool. */
export function setBetaTool(form: RequestForm, type: BetaToolType, on: boolean, display: Display): void {
	const rest = (form.tools ?? []).filter((t) => t.def.type !== type);
	const existing = findBetaTool(form, type);
	form.tools = on ? [...rest, existing ? { ...existing, def: betaToolDef(type, display) } : { def: betaToolDef(type, display), cache: null }] : rest;
	if (form.tools.length === 0) form.tools = undefined;
}

export function hasBetaTools(form: RequestForm): boolean {
	return (form.tools ?? []).some((t) => typeof t.def.type === 'string' && /_20241022$/.test(t.def.type));
}

/** The example's tools replace the custom ones (beta tools stay); its prompt fills an empty first turn. */
export function applyExample(form: RequestForm, example: ToolExample): void {
	const beta = (form.tools ?? []).filter((t) => typeof t.def.type === 'string');
	form.tools = [...example.tools.map((def) => ({ def: structuredClone(def), cache: null })), ...beta];
	const first = form.messages[0]?.blocks[0];
	if (form.messages.length <= 1 && (!first || (first.kind === 'text' && first.text.trim() === ''))) {
		form.messages = [{ role: 'user', blocks: [emptyText(example.prompt)], asString: true, extra: {} }];
	}
}

export function setToolChoice(form: RequestForm, choice: ToolChoice | undefined): void {
	const { tool_choice: _, ...rest } = form.extra;
	form.extra = choice ? { ...rest, tool_choice: choice } : rest;
}

/** The picker's view of the current tool_choice. */
export function readToolChoice(form: RequestForm): { mode: ChoiceMode; name: string; disableParallel: boolean } {
	const c = form.extra.tool_choice;
	if (!isRecord(c) || typeof c.type !== 'string') return { mode: 'default', name: '', disableParallel: false };
	const mode = (['auto', 'any', 'tool', 'none'] as const).find((m) => m === c.type) ?? 'default';
	return { mode, name: typeof c.name === 'string' ? c.name : '', disableParallel: c.disable_parallel_tool_use === true };
}

/** Appends a tool loop's assistant turn and the user turn with its tool_result blocks. */
export function appendTurns(form: RequestForm, turns: readonly Turn[]): void {
	for (const t of turns) form.messages.push({ role: t.role, blocks: t.content.map(blockToForm), asString: false, extra: {} });
}
