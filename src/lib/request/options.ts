/**
 * Today's request options as the form edits them: thinking, effort, output format (structured
 * output) and the sampling params a version drops. They live in the form's `extra` (the form
 * keeps every field it has no widget of its own for), so these pure readers and writers are
 * the one place that knows their wire shape (SDK `ThinkingConfigParam`, `OutputConfig`).
 */
import type { RequestForm } from './form';

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

export const THINKING_MODES = ['adaptive', 'enabled', 'between_tools', 'disabled'] as const;
export type ThinkingMode = (typeof THINKING_MODES)[number] | 'unset';
export const THINKING_DISPLAYS = ['summarized', 'omitted'] as const;
export type ThinkingDisplay = (typeof THINKING_DISPLAYS)[number] | 'default';
/** What a thinking-display picker offers: the API's values, or leave it to the API. */
export const DISPLAY_CHOICES: readonly ThinkingDisplay[] = ['default', ...THINKING_DISPLAYS];
export const EFFORTS = ['low', 'medium', 'high', 'xhigh', 'max'] as const;
export type Effort = (typeof EFFORTS)[number] | 'unset';
/** The API's floor for an enabled thinking budget. */
export const MIN_THINKING_BUDGET = 1024;

export interface ThinkingSettings {
	mode: ThinkingMode;
	budget: number;
	display: ThinkingDisplay;
}

function setExtra(form: RequestForm, key: string, value: unknown): void {
	const { [key]: _old, ...rest } = form.extra;
	form.extra = value === undefined ? rest : { ...rest, [key]: value };
}

export function readThinking(form: RequestForm): ThinkingSettings {
	return parseThinking(form.extra.thinking, form.params.maxTokens);
}

/** A request's `thinking` param as settings (a template's as well as the form's). */
export function parseThinking(t: unknown, maxTokens: number | undefined): ThinkingSettings {
	const fallbackBudget = Math.max(MIN_THINKING_BUDGET, Math.floor((maxTokens ?? 4096) / 2));
	if (!isRecord(t) || typeof t.type !== 'string')
		return { mode: 'unset', budget: fallbackBudget, display: 'default' };
	const mode = (THINKING_MODES as readonly string[]).includes(t.type)
		? (t.type as ThinkingMode)
		: 'unset';
	const budget = typeof t.budget_tokens === 'number' ? t.budget_tokens : fallbackBudget;
	const display = t.display === 'summarized' || t.display === 'omitted' ? t.display : 'default';
	return { mode, budget, display };
}

/** The `thinking` param for these settings; undefined leaves the field out (the model's default). */
export function thinkingParam(s: ThinkingSettings): Json | undefined {
	const display = s.display === 'default' ? {} : { display: s.display };
	switch (s.mode) {
		case 'unset':
			return undefined;
		case 'enabled':
			return { type: 'enabled', budget_tokens: s.budget, ...display };
		case 'adaptive':
			return { type: 'adaptive', ...display };
		default:
			return { type: s.mode };
	}
}

export function setThinking(form: RequestForm, s: ThinkingSettings): void {
	setExtra(form, 'thinking', thinkingParam(s));
}

function outputConfig(form: RequestForm): Json {
	return isRecord(form.extra.output_config) ? form.extra.output_config : {};
}

function setOutputConfig(form: RequestForm, key: 'effort' | 'format', value: unknown): void {
	const { [key]: _old, ...rest } = outputConfig(form);
	const next = value === undefined ? rest : { ...rest, [key]: value };
	setExtra(form, 'output_config', Object.keys(next).length ? next : undefined);
}

export function readEffort(form: RequestForm): Effort {
	return parseEffort(outputConfig(form));
}

/** `output_config.effort` as a setting (a template's as well as the form's). */
export function parseEffort(outputConfig: unknown): Effort {
	const e = isRecord(outputConfig) ? outputConfig.effort : undefined;
	return (EFFORTS as readonly unknown[]).includes(e) ? (e as Effort) : 'unset';
}

export function setEffort(form: RequestForm, effort: Effort): void {
	setOutputConfig(form, 'effort', effort === 'unset' ? undefined : effort);
}

/** The JSON Schema of `output_config.format`, or null when no output format is set. */
export function readOutputSchema(form: RequestForm): Json | null {
	const f = outputConfig(form).format;
	return isRecord(f) && f.type === 'json_schema' && isRecord(f.schema) ? f.schema : null;
}

export function setOutputSchema(form: RequestForm, schema: Json | null): void {
	setOutputConfig(form, 'format', schema ? { type: 'json_schema', schema } : undefined);
}

/** The output format schema of a request body (for checking the answer against it). */
export function outputSchemaOf(body: Json | null | undefined): Json | null {
	const oc = body?.output_config;
	if (!isRecord(oc) || !isRecord(oc.format) || oc.format.type !== 'json_schema') return null;
	return isRecord(oc.format.schema) ? oc.format.schema : null;
}

/** Whether every custom tool asks for strict schema validation. */
export function readStrictTools(form: RequestForm): boolean {
	const custom = (form.tools ?? []).filter(
		(t) => t.def.type === undefined || t.def.type === 'custom'
	);
	return custom.length > 0 && custom.every((t) => t.def.strict === true);
}

export function setStrictTools(form: RequestForm, on: boolean): void {
	for (const t of form.tools ?? []) {
		if (t.def.type !== undefined && t.def.type !== 'custom') continue;
		const { strict: _old, ...rest } = t.def;
		t.def = on ? { ...rest, strict: true } : rest;
	}
}

/** Removes temperature, top_p and top_k (switching to a version that refuses them). */
export function dropSampling(form: RequestForm): void {
	form.params.temperature = undefined;
	form.params.topP = undefined;
	form.params.topK = undefined;
}
