import { mergeUsage, type Usage } from '$lib/schemas/usage';
import { sseEventScanner } from './sse-scan';

/** The only events that carry usage: the scanner decodes nothing else (content deltas). */
const USAGE_EVENTS = new Set(['message_start', 'message_delta']);

/**
 * Watches SSE bytes on their way to the client (without changing them) and reports the
 * message's usage once: input from message_start, the cumulative output from message_delta.
 */
export function sseUsageTap(onUsage: (usage: Usage) => void) {
	let usage: Usage | undefined;
	let seen = false;
	const scanner = sseEventScanner(USAGE_EVENTS, {
		onEvent(e) {
			try {
				const data = JSON.parse(e.data);
				if (e.event === 'message_start') usage = { ...data.message?.usage };
				// Newer APIs repeat input and cache totals in message_delta; they win when present.
				else usage = mergeUsage({ ...usage } as Usage, data.usage);
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
			if (seen && usage) onUsage(usage);
			seen = false;
		}
	};
}
