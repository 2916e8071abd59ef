/**
 * One compare column as a full variant of the same conversation: model, API version, sampling,
 * system prompt, thinking (SDK `ThinkingConfigParam`), effort (`output_config.effort`) and tools.
 * Pure: the compare state turns these settings into the request each column sends.
 */
import { findModel } from '$lib/catalog';
import {
	EFFORTS,
	THINKING_MODES,
	parseEffort,
	parseThinking,
	thinkingParam,
	type Effort,
	type ThinkingMode,
	type ThinkingSettings
} from '$lib/request/options';
import {
	DEFAULT_API_VERSION,
	allowsSampling,
	isApiVersion,
	type ApiVersion
} from '$lib/request/versions';

/** Where a column's tools come from: none, the playground's current draft, or its own list. */
export const TOOL_SOURCES = ['none', 'playground', 'custom'] as const;
export type ToolSource = (typeof TOOL_SOURCES)[number];

export interface VariantSettings {
	model: string;
	apiVersion: ApiVersion;
	/** null leaves it to the API default; sent only where the version allows sampling. */
	temperature: number | null;
	system: string;
	thinking: ThinkingSettings;
	effort: Effort;
	toolSource: ToolSource;
	/** The column's own tools as JSON text (an array of tool definitions). */
	customTools: string;
}

type Json = Record<string, unknown>;

/** The thinking modes this model takes (all of them for a model the catalog does not know). */
export function thinkingModesFor(model: string): ThinkingMode[] {
	const known = findModel(model)?.capabilities.thinking;
	return known ? THINKING_MODES.filter((m) => known.includes(m)) : [...THINKING_MODES];
}

export function effortsFor(model: string): readonly Effort[] {
	return findModel(model)?.capabilities.effort === false ? [] : EFFORTS;
}

/** The column's own tools, or why they cannot be sent. */
export function parseCustomTools(text: string): { tools: Json[] } | { error: string } {
	if (!text.trim()) return { tools: [] };
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (e) {
		return { error: `Tools are not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
	}
	if (!Array.isArray(value) || !value.every((t) => t && typeof t === 'object' && !Array.isArray(t)))
		return { error: 'Tools must be a JSON array of tool definitions' };
	return { tools: value as Json[] };
}

/** The tools a column sends; `playgroundTools` are the playground draft's, read when it runs. */
export function variantTools(v: VariantSettings, playgroundTools: readonly Json[]): Json[] {
	if (v.toolSource === 'playground') return [...playgroundTools];
	if (v.toolSource === 'custom') {
		const parsed = parseCustomTools(v.customTools);
		return 'tools' in parsed ? parsed.tools : [];
	}
	return [];
}

/** Why this column cannot run as set, or null. */
export function variantProblem(v: VariantSettings): string | null {
	if (v.toolSource !== 'custom') return null;
	const parsed = parseCustomTools(v.customTools);
	return 'error' in parsed ? parsed.error : null;
}

/**
 * The Messages request for one column. A thinking mode or effort the model does not take is
 * left out (the pickers only offer what it takes; a model switch can leave an old choice).
 */
export function variantRequest(
	v: VariantSettings,
	prompt: string,
	maxTokens: number,
	playgroundTools: readonly Json[] = []
): Json {
	const mode = thinkingModesFor(v.model).includes(v.thinking.mode as ThinkingMode)
		? v.thinking.mode
		: 'unset';
	const thinking = thinkingParam({ ...v.thinking, mode });
	const effort = effortsFor(v.model).includes(v.effort) ? v.effort : 'unset';
	const tools = variantTools(v, playgroundTools);
	return {
		model: v.model,
		max_tokens: maxTokens,
		...(v.system.trim() ? { system: v.system } : {}),
		...(v.temperature !== null && allowsSampling(v.apiVersion)
			? { temperature: v.temperature }
			: {}),
		...(thinking ? { thinking } : {}),
		...(effort !== 'unset' ? { output_config: { effort } } : {}),
		...(tools.length ? { tools } : {}),
		messages: [{ role: 'user', content: prompt }]
	};
}

/** The text of a `system` or message `content` param: a string, or its text blocks joined. */
function textOf(value: unknown): string {
	if (typeof value === 'string') return value;
	if (!Array.isArray(value)) return '';
	return value
		.map((b: { type?: unknown; text?: unknown }) =>
			b?.type === 'text' && typeof b.text === 'string' ? b.text : ''
		)
		.filter(Boolean)
		.join('\n\n');
}

/**
 * The settings, prompt and max_tokens a column's request was made from: the inverse of
 * `variantRequest`, so a shared comparison reopens as editable columns. Tools come back as the
 * column's own list, since the sharer's playground draft is not here.
 */
export function variantFromRequest(
	request: Json,
	apiVersion: string
): { settings: VariantSettings; prompt: string; maxTokens: number } {
	const maxTokens = typeof request.max_tokens === 'number' ? request.max_tokens : 1024;
	const tools = Array.isArray(request.tools) ? request.tools : [];
	const first = Array.isArray(request.messages) ? (request.messages[0] as Json | undefined) : null;
	return {
		settings: {
			model: typeof request.model === 'string' ? request.model : '',
			apiVersion: isApiVersion(apiVersion) ? apiVersion : DEFAULT_API_VERSION,
			temperature: typeof request.temperature === 'number' ? request.temperature : null,
			system: textOf(request.system),
			thinking: parseThinking(request.thinking, maxTokens),
			effort: parseEffort(request.output_config),
			toolSource: tools.length ? 'custom' : 'none',
			customTools: tools.length ? JSON.stringify(tools, null, 2) : ''
		},
		prompt: textOf(first?.content),
		maxTokens
	};
}
