import { createParser } from 'eventsource-parser';
import { mergeUsage, type Usage } from '$lib/schemas/usage';

/**
 * Watches SSE bytes on their way to the client (without changing them) and reports the
 * message's usage once: input from message_start, the cumulative output from message_delta.
 */
export function sseUsageTap(onUsage: (usage: Usage) => void) {
	const decoder = new TextDecoder();
	let usage: Usage | undefined;
	let seen = false;
	const parser = createParser({
		onEvent(e) {
			if (e.event !== 'message_start' && e.event !== 'message_delta') return;
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
			parser.feed(decoder.decode(chunk, { stream: true }));
		},
		/** Call once when the stream ends (normally or not): usage so far is still spent. */
		finish() {
			if (seen && usage) onUsage(usage);
			seen = false;
		}
	};
}
