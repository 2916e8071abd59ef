/** The rate-limit headers the API sends on every Messages response (remaining counts are illustrative). */
export function rateLimitHeaders(
	now: Date,
	used: { requests: number; inputTokens: number; outputTokens: number }
): Record<string, string> {
	const reset = new Date(Math.ceil((now.getTime() + 1) / 60_000) * 60_000)
		.toISOString()
		.replace(/\.\d+Z$/, 'Z');
	const bucket = (name: string, limit: number, spent: number) => ({
		[`anthropic-ratelimit-${name}-limit`]: String(limit),
		[`anthropic-ratelimit-${name}-remaining`]: String(Math.max(0, limit - spent)),
		[`anthropic-ratelimit-${name}-reset`]: reset
	});
	return {
		...bucket('requests', 4000, used.requests),
		...bucket('tokens', 480_000, used.inputTokens + used.outputTokens),
		...bucket('input-tokens', 400_000, used.inputTokens),
		...bucket('output-tokens', 80_000, used.outputTokens)
	};
}
