import { promptTokens, type Usage } from '$lib/schemas/usage';
import type { Catalog, CatalogModel, Price } from './schema';

/**
 * What a response cost, by the API's billing rules, all read from the catalog:
 * - 5-minute cache writes at 1.25x input, 1-hour writes at 2x, reads at the model's read price;
 * - thinking tokens are output tokens (`output_tokens` already includes them);
 * - batches at 50% of everything;
 * - banded models (Haiku 5.5): a prompt past the band's threshold prices every token higher;
 * - server tools: web search per 1,000 requests (web fetch has no fee beyond tokens).
 */
export interface Cost {
	input: number;
	output: number;
	/** Of `output`, what the thinking tokens cost. */
	thinking: number;
	cacheWrite: number;
	cacheRead: number;
	serverTools: number;
	total: number;
	/** What cache reads saved against paying full input price for the same tokens. */
	cacheSavings: number;
}

const PER_MTOK = 1 / 1_000_000;

/** The price that applies to this request: the last band whose threshold the prompt passes. */
export function priceFor(model: CatalogModel, promptTokens: number): Price {
	let price = model.price;
	for (const band of model.price_bands ?? [])
		if (promptTokens > band.above_prompt_tokens) price = band.price;
	return price;
}

function cachePrices(price: Price, catalog: Catalog) {
	const r = catalog.rules;
	return {
		write5m: price.cache_write_5m ?? price.input * r.cache_write_5m_multiplier.factor,
		write1h: price.cache_write_1h ?? price.input * r.cache_write_1h_multiplier.factor,
		read: price.cache_read ?? price.input * 0.1
	};
}

export function costWith(
	catalog: Catalog,
	model: CatalogModel,
	usage: Usage,
	opts: { batch?: boolean } = {}
): Cost {
	const write = usage.cache_creation_input_tokens ?? 0;
	const read = usage.cache_read_input_tokens ?? 0;
	// Without the TTL split every write is a 5-minute one, the API's default.
	const write1h = Math.min(write, usage.cache_creation?.ephemeral_1h_input_tokens ?? 0);
	const price = priceFor(model, promptTokens(usage));
	const cache = cachePrices(price, catalog);
	const f = (opts.batch ? catalog.rules.batch_discount.factor : 1) * PER_MTOK;
	const input = usage.input_tokens * price.input * f;
	const output = usage.output_tokens * price.output * f;
	const thinking =
		Math.min(usage.output_tokens_details?.thinking_tokens ?? 0, usage.output_tokens) *
		price.output *
		f;
	const cacheWrite = ((write - write1h) * cache.write5m + write1h * cache.write1h) * f;
	const cacheRead = read * cache.read * f;
	const tools = catalog.server_tools;
	const serverTools =
		((usage.server_tool_use?.web_search_requests ?? 0) * tools.web_search.usd_per_1000_requests +
			(usage.server_tool_use?.web_fetch_requests ?? 0) * tools.web_fetch.usd_per_1000_requests) /
		1000;
	return {
		input,
		output,
		thinking,
		cacheWrite,
		cacheRead,
		serverTools,
		total: input + output + cacheWrite + cacheRead + serverTools,
		cacheSavings: read * (price.input - cache.read) * f
	};
}

export function formatUsd(value: number): string {
	if (value === 0) return '$0';
	if (value < 0.01) return `$${value.toFixed(6)}`;
	return `$${value.toFixed(4)}`;
}
