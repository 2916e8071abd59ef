/**
 * The model picker's view of `/api/v1/models`: offered models grouped by line, newest first,
 * the default (newest Sonnet), and whether a request's model is still offered.
 */
import { DEFAULT_MODEL } from '$lib/catalog';

type Lifecycle = 'active' | 'deprecated' | 'retired';

/** The `ModelInfo` fields the picker reads (SDK `ModelInfo`; older servers omit the newer ones). */
export interface ListedModel {
	id: string;
	display_name: string;
	created_at: string;
	lifecycle?: Lifecycle | null;
	line?: string | null;
	max_input_tokens?: number | null;
	max_tokens?: number | null;
	retires_at?: string | null;
	deprecated_at?: string | null;
}

export interface ModelGroup {
	line: string;
	label: string;
	models: ListedModel[];
}

/** Used until the list has loaded, and when it has no Sonnet: the bundled catalog's default. */
export const FALLBACK_DEFAULT_MODEL = DEFAULT_MODEL;

const LINE_ORDER = ['opus', 'sonnet', 'haiku', 'fable', 'mythos'];

export function lineOf(m: ListedModel): string {
	if (m.line) return m.line;
	return LINE_ORDER.find((l) => m.id.includes(l)) ?? 'other';
}

export const isOffered = (m: ListedModel) => (m.lifecycle ?? 'active') !== 'retired';
const newestFirst = (a: ListedModel, b: ListedModel) => b.created_at.localeCompare(a.created_at);

export function groupModels(models: readonly ListedModel[]): ModelGroup[] {
	const groups = new Map<string, ListedModel[]>();
	for (const m of models.filter(isOffered)) {
		const line = lineOf(m);
		groups.set(line, [...(groups.get(line) ?? []), m]);
	}
	const rank = (line: string) =>
		LINE_ORDER.includes(line) ? LINE_ORDER.indexOf(line) : LINE_ORDER.length;
	return [...groups.entries()]
		.sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
		.map(([line, list]) => ({
			line,
			label: line[0].toUpperCase() + line.slice(1),
			models: list.sort(newestFirst)
		}));
}

/** The newest active Sonnet; else the newest offered model; else the fallback. */
export function defaultModel(models: readonly ListedModel[]): string {
	const offered = models.filter((m) => (m.lifecycle ?? 'active') === 'active').sort(newestFirst);
	return (offered.find((m) => lineOf(m) === 'sonnet') ?? offered[0])?.id ?? FALLBACK_DEFAULT_MODEL;
}

export type ModelStatus =
	| { kind: 'ok' }
	| { kind: 'deprecated'; retiresAt: string | null }
	| { kind: 'retired'; retiredAt: string | null }
	| { kind: 'unknown' };

/** What the list says about a request's model; nothing to say until the list has loaded. */
export function modelStatus(id: string | undefined, models: readonly ListedModel[]): ModelStatus {
	if (!id || models.length === 0) return { kind: 'ok' };
	const m = models.find((x) => x.id === id);
	if (!m) return { kind: 'unknown' };
	if (m.lifecycle === 'retired') return { kind: 'retired', retiredAt: m.retires_at ?? null };
	if (m.lifecycle === 'deprecated') return { kind: 'deprecated', retiresAt: m.retires_at ?? null };
	return { kind: 'ok' };
}

/** "1M" / "200K" / "64K" for token limits. */
export function formatTokens(n: number | null | undefined): string {
	if (n === null || n === undefined) return '?';
	if (n >= 1_000_000) return `${+(n / 1_000_000).toFixed(1)}M`;
	if (n >= 1000) return `${Math.round(n / 1000)}K`;
	return String(n);
}

/** The date part of an RFC 3339 timestamp. */
export const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '');
