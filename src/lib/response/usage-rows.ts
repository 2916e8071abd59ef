/**
 * The usage panel's rows from a Message's `usage` (SDK `Usage`): input, output and the
 * thinking share of it, cache writes split by TTL (5-minute / 1-hour), cache reads,
 * server-tool requests, and the service tier / speed / region the API reports.
 */
import type { Cost } from '$lib/catalog';
import type { Usage } from '$lib/schemas/usage';

type Obj = Record<string, unknown>;
const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

export interface UsageRow {
	id: string;
	label: string;
	value: number;
	usd?: number;
	/** A share of the row above it (thinking tokens are output tokens). */
	isPart?: boolean;
}

export function usageRows(usage: Usage, cost: Cost | undefined): UsageRow[] {
	const creation = usage.cache_creation;
	const written = n(usage.cache_creation_input_tokens);
	const oneHour = Math.min(written, n(creation?.ephemeral_1h_input_tokens));
	// Without the split every write is a 5-minute one (the API's default TTL).
	const fiveMin = creation ? n(creation.ephemeral_5m_input_tokens) : written;
	const thinking = n(usage.output_tokens_details?.thinking_tokens);
	const tools = usage.server_tool_use;
	const rows: UsageRow[] = [
		{ id: 'input', label: 'Input', value: n(usage.input_tokens), usd: cost?.input },
		{ id: 'output', label: 'Output', value: n(usage.output_tokens), usd: cost?.output },
		{
			id: 'thinking',
			label: 'of which thinking',
			value: thinking,
			usd: cost?.thinking,
			isPart: true
		},
		{ id: 'cache-write', label: 'Cache write (5 min)', value: fiveMin },
		{ id: 'cache-write-1h', label: 'Cache write (1 hour)', value: oneHour },
		{
			id: 'cache-read',
			label: 'Cache read',
			value: n(usage.cache_read_input_tokens),
			usd: cost?.cacheRead
		},
		{ id: 'web-search', label: 'Web search requests', value: n(tools?.web_search_requests) },
		{ id: 'web-fetch', label: 'Web fetch requests', value: n(tools?.web_fetch_requests) }
	];
	// Cache write cost is one figure for both TTLs: show it on the 5-minute row unless only 1-hour writes happened.
	const writeRow = fiveMin > 0 || oneHour === 0 ? rows[3] : rows[4];
	writeRow.usd = cost?.cacheWrite;
	// Rows that are zero and optional stay out of the way.
	return rows.filter(
		(r) =>
			r.value > 0 ||
			['input', 'output', 'cache-read'].includes(r.id) ||
			(r.id === 'cache-write' && oneHour === 0)
	);
}

/** service_tier, speed and inference_geo when the API reported them. */
export function serviceFacts(usage: Obj): { label: string; value: string }[] {
	const facts: { label: string; value: string }[] = [];
	for (const [key, label] of [
		['service_tier', 'Service tier'],
		['speed', 'Speed'],
		['inference_geo', 'Region']
	] as const) {
		if (typeof usage[key] === 'string' && usage[key])
			facts.push({ label, value: usage[key] as string });
	}
	return facts;
}
