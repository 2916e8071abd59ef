import { mergeUsage } from '$lib/schemas/usage';
import { sseEventScanner } from './sse-scan';

export interface TokenUsage {
	input: number;
	output: number;
}

interface UsageFields {
	input_tokens?: number | null;
	output_tokens?: number | null;
	cache_creation_input_tokens?: number | null;
	cache_read_input_tokens?: number | null;
}

/** Input tokens in the budget's sense: everything read, cached or not. */
export function usageTotals(u: UsageFields | undefined): TokenUsage {
	return {
		input:
			(u?.input_tokens ?? 0) +
			(u?.cache_creation_input_tokens ?? 0) +
			(u?.cache_read_input_tokens ?? 0),
		output: u?.output_tokens ?? 0
	};
}

/** The only events that carry usage: the scanner decodes nothing else (content deltas). */
const USAGE_EVENTS = new Set(['message_start', 'message_delta']);

/**
 * Watches SSE bytes on their way to the client (without changing them) and reports the
 * message's usage once: input from message_start, the cumulative output from message_delta.
 */
export function sseUsageTap(onUsage: (usage: TokenUsage) => void) {
	let start: UsageFields | undefined;
	let output = 0;
	let seen = false;
	const scanner = sseEventScanner(USAGE_EVENTS, {
		onEvent(e) {
			try {
				const data = JSON.parse(e.data);
				if (e.event === 'message_start') {
					start = data.message?.usage;
					output = start?.output_tokens ?? 0;
				} else {
					// Newer APIs repeat input and cache totals in message_delta; they win when present.
					start = mergeUsage({ ...start }, data.usage);
					output = data.usage?.output_tokens ?? output;
				}
				seen = true;
			} catch {
				// not our business to judge the upstream's JSON
			}
		}
	});
	return {
		feed(chunk: Uint8Array) {
			scanner.feed(chunk);
		},
		/** Call once when the stream ends (normally or not): usage so far is still spent. */
		finish() {
			if (seen) onUsage({ ...usageTotals(start), output });
			seen = false;
		}
	};
}
