import type { RequestForm } from '$lib/request/form';
import { setTypedTool } from './form-tools';

/**
 * Server tools at their current versions (SDK `WebSearchTool20260318`, `WebFetchTool20260318`,
 * `CodeExecutionTool20260521`): the API runs them; the form sets their options.
 */
export const SERVER_TOOLS = {
	web_search: { type: 'web_search_20260318', label: 'Web search' },
	web_fetch: { type: 'web_fetch_20260318', label: 'Web fetch' },
	code_execution: { type: 'code_execution_20260521', label: 'Code execution' }
} as const;
export type ServerToolName = keyof typeof SERVER_TOOLS;

/** Matches every version of a server tool by its `name` (an old request may carry an older one). */
export function serverToolName(def: Record<string, unknown>): ServerToolName | null {
	const type = typeof def.type === 'string' ? def.type : '';
	for (const name of Object.keys(SERVER_TOOLS) as ServerToolName[])
		if (type.startsWith(`${name}_`)) return name;
	return null;
}

export function serverToolDef(name: ServerToolName): Record<string, unknown> {
	return { type: SERVER_TOOLS[name].type, name };
}

export interface WebSearchOptions {
	maxUses: number | null;
	allowedDomains: string[];
	blockedDomains: string[];
	city: string;
	region: string;
	country: string;
	timezone: string;
}

const strings = (v: unknown) =>
	Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function readWebSearch(def: Record<string, unknown>): WebSearchOptions {
	const loc = (
		typeof def.user_location === 'object' && def.user_location !== null ? def.user_location : {}
	) as Record<string, unknown>;
	return {
		maxUses: typeof def.max_uses === 'number' ? def.max_uses : null,
		allowedDomains: strings(def.allowed_domains),
		blockedDomains: strings(def.blocked_domains),
		city: str(loc.city),
		region: str(loc.region),
		country: str(loc.country),
		timezone: str(loc.timezone)
	};
}

/** The definition with these options; empty ones are left out (the API's defaults). */
export function withWebSearch(
	def: Record<string, unknown>,
	o: WebSearchOptions
): Record<string, unknown> {
	const {
		max_uses: _m,
		allowed_domains: _a,
		blocked_domains: _b,
		user_location: _u,
		...rest
	} = def;
	const out: Record<string, unknown> = { ...rest };
	if (o.maxUses !== null) out.max_uses = o.maxUses;
	if (o.allowedDomains.length) out.allowed_domains = o.allowedDomains;
	if (o.blockedDomains.length) out.blocked_domains = o.blockedDomains;
	const loc = Object.fromEntries(
		Object.entries({
			city: o.city,
			region: o.region,
			country: o.country,
			timezone: o.timezone
		}).filter(([, v]) => v !== '')
	);
	if (Object.keys(loc).length) out.user_location = { type: 'approximate', ...loc };
	return out;
}

/** "a.com, b.org" or one per line → a clean list. */
export function parseDomains(text: string): string[] {
	return text
		.split(/[\s,]+/)
		.map((d) => d.trim())
		.filter(Boolean);
}

const findServerTool = (form: RequestForm, name: ServerToolName) =>
	(form.tools ?? []).find((t) => serverToolName(t.def) === name);

/** On: the tool at its current version (an older one's settings carried over); off: removed. */
export function setServerTool(form: RequestForm, name: ServerToolName, on: boolean): void {
	const existing = findServerTool(form, name);
	if (existing) setTypedTool(form, String(existing.def.type), null);
	if (on)
		setTypedTool(form, SERVER_TOOLS[name].type, {
			...(existing?.def ?? {}),
			...serverToolDef(name)
		});
}

export function updateWebSearch(form: RequestForm, change: Partial<WebSearchOptions>): void {
	const tool = findServerTool(form, 'web_search');
	if (tool) tool.def = withWebSearch(tool.def, { ...readWebSearch(tool.def), ...change });
}
