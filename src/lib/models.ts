/**
 * The one table of models we know: limits, cache minimums and prices (USD per million tokens).
 * Update prices here; cost math, the model picker and the simulator all read this table.
 * Cache writes are 1.25x input (5-minute TTL), cache reads 0.1x input, batches 50% off.
 */
export interface ModelSpec {
	id: string;
	aliases: string[];
	displayName: string;
	createdAt: string;
	maxOutputTokens: number;
	minCacheableTokens: number;
	price: { input: number; output: number; cacheWrite: number; cacheRead: number };
}

function spec(
	id: string,
	aliases: string[],
	displayName: string,
	createdAt: string,
	maxOutputTokens: number,
	minCacheableTokens: number,
	input: number,
	output: number
): ModelSpec {
	const p = { input, output, cacheWrite: input * 1.25, cacheRead: input * 0.1 };
	return { id, aliases, displayName, createdAt, maxOutputTokens, minCacheableTokens, price: p };
}

/** Newest first, as the Models API lists them. */
export const MODELS: readonly ModelSpec[] = [
	spec('claude-sonnet-4-5-20250929', ['claude-sonnet-4-5'], 'Claude Sonnet 4.5', '2025-09-29T00:00:00Z', 64000, 1024, 3, 15),
	spec('claude-haiku-4-5-20251001', ['claude-haiku-4-5'], 'Claude Haiku 4.5', '2025-10-01T00:00:00Z', 64000, 2048, 1, 5),
	spec('claude-opus-4-5-20251101', ['claude-opus-4-5'], 'Claude Opus 4.5', '2025-11-01T00:00:00Z', 64000, 1024, 5, 25),
	spec('claude-3-5-sonnet-20241022', ['claude-3-5-sonnet-latest'], 'Claude 3.5 Sonnet (New)', '2024-10-22T00:00:00Z', 8192, 1024, 3, 15),
	spec('claude-3-5-haiku-20241022', ['claude-3-5-haiku-latest'], 'Claude 3.5 Haiku', '2024-10-22T00:00:00Z', 8192, 2048, 0.8, 4),
	spec('claude-3-5-sonnet-20240620', [], 'Claude 3.5 Sonnet (Old)', '2024-06-20T00:00:00Z', 8192, 1024, 3, 15),
	spec('claude-3-haiku-20240307', [], 'Claude 3 Haiku', '2024-03-07T00:00:00Z', 4096, 2048, 0.25, 1.25),
	spec('claude-3-opus-20240229', ['claude-3-opus-latest'], 'Claude 3 Opus', '2024-02-29T00:00:00Z', 4096, 1024, 15, 75)
].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

export const DEFAULT_MODEL = 'claude-3-5-haiku-20241022';

export function findModel(idOrAlias: string): ModelSpec | undefined {
	return MODELS.find((m) => m.id === idOrAlias || m.aliases.includes(idOrAlias));
}
