import type { MessageDeltaUsage } from '$lib/schemas';
import type { Usage } from '$lib/schemas/usage';
import type { CacheUsage } from './cache';

/**
 * `usage` with every field SDK 1.14's `Usage` has, in the order the recordings show:
 * the cache counts and their TTL split, output tokens with the thinking share, the tier.
 */
export function fullUsage(
	cache: CacheUsage,
	output: number,
	thinking: number,
	tier: 'standard' | 'batch' = 'standard'
): Usage {
	return {
		input_tokens: cache.input_tokens,
		cache_creation_input_tokens: cache.cache_creation_input_tokens,
		cache_read_input_tokens: cache.cache_read_input_tokens,
		cache_creation: cache.cache_creation,
		output_tokens: output,
		output_tokens_details: { thinking_tokens: thinking },
		server_tool_use: null,
		service_tier: tier,
		speed: 'standard',
		inference_geo: 'not_available'
	};
}

/** What a stream's `message_delta.usage` repeats: input and cache counts, then the final output. */
export function deltaUsage(usage: Usage): MessageDeltaUsage {
	return {
		input_tokens: usage.input_tokens,
		cache_creation_input_tokens: usage.cache_creation_input_tokens ?? 0,
		cache_read_input_tokens: usage.cache_read_input_tokens ?? 0,
		output_tokens: usage.output_tokens,
		output_tokens_details: usage.output_tokens_details ?? null,
		server_tool_use: usage.server_tool_use ?? null
	};
}
