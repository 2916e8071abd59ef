/**
 * The one usage type (`Usage`, the wire shape from the zod schema) and what is done with it:
 * merging a stream's `message_delta` into it, summing answers, and counting prompt tokens.
 * The browser's stream accumulator, the server's usage taps and ledger, cost and the tool-run
 * transcript all use these, so they all count the same tokens.
 */
import type { MessageDeltaUsage } from './events';
import type { Usage } from './message';

export type { Usage };

/**
 * Applies a `message_delta` event's usage to the message's usage, as the SDK's MessageStream
 * does: its counters are cumulative whole-message totals, omitted or null when they do not
 * apply, so each field it carries replaces the message's (never added) and the rest are kept.
 * The beta MessageStream copies the counts, server_tool_use, output_tokens_details, iterations
 * and fallback_credit this way; a field newer than the SDK is kept the same way, not dropped.
 * Mutates and returns `usage`.
 */
export function mergeUsage(
	usage: Usage,
	delta: Partial<MessageDeltaUsage> | null | undefined
): Usage {
	for (const [key, value] of Object.entries(delta ?? {})) if (value != null) usage[key] = value;
	return usage;
}

/** The token counts summed over several answers (the rest of a usage describes one answer). */
const SUMMED = [
	'input_tokens',
	'output_tokens',
	'cache_creation_input_tokens',
	'cache_read_input_tokens'
] as const;

/** The token counts of several answers added up; a missing count is 0. */
export function sumUsage(usages: Iterable<Partial<Usage> | null | undefined>): Usage {
	const total = {
		input_tokens: 0,
		output_tokens: 0,
		cache_creation_input_tokens: 0,
		cache_read_input_tokens: 0
	};
	for (const u of usages) for (const key of SUMMED) total[key] += u?.[key] ?? 0;
	return total;
}

/** Every prompt token the answer read, cached or not: what prices the request and the budget. */
export function promptTokens(usage: Partial<Usage>): number {
	return (
		(usage.input_tokens ?? 0) +
		(usage.cache_creation_input_tokens ?? 0) +
		(usage.cache_read_input_tokens ?? 0)
	);
}
