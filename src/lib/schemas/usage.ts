import type { Usage } from './message';

type UsageLike = Partial<Record<keyof Usage, unknown>> & Record<string, unknown>;

/**
 * Applies a `message_delta` event's usage to the message's usage. Its counters are cumulative
 * whole-message totals, omitted or null when they do not apply: overwrite what it carries, never
 * add, keep the rest (as the SDK's MessageStream does). Used by the browser's stream accumulator
 * and by the server's usage tap, so both count the same tokens.
 */
export function mergeUsage<T extends UsageLike>(usage: T, delta: UsageLike | null | undefined): T {
	for (const [key, value] of Object.entries(delta ?? {}))
		if (value != null) (usage as UsageLike)[key] = value;
	return usage;
}
