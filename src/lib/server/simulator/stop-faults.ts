import type { Message } from '$lib/schemas';
import type { StopFault } from './faults';
import { countTextTokens } from './tokens';

const REFUSAL = 'I can’t help with that request.';

/**
 * Ends a planned answer the way the API does when a fault asks for it:
 * - `pause_turn`: a long server-tool turn paused after its last tool result (or, without
 *   server tools, after its first block); the client sends the turn back to continue;
 * - `refusal`: the model declined; `stop_details` says so;
 * - `model_context_window_exceeded`: the answer ran into the context window halfway through.
 */
export function applyStopFault(message: Message, stop: StopFault | undefined): Message {
	if (!stop) return message;
	let content = message.content;
	let details: { type: string; [k: string]: unknown } | null = null;
	if (stop === 'pause_turn') {
		const lastResult = content.findLastIndex((b) => b.type.endsWith('_tool_result'));
		content = content.slice(0, lastResult >= 0 ? lastResult + 1 : 1);
	} else if (stop === 'refusal') {
		content = [{ type: 'text', text: REFUSAL }];
		details = {
			type: 'refusal',
			category: null,
			explanation: 'The simulator was asked to refuse (x-simulator-fault: refusal).'
		};
	} else {
		const first = content.find((b) => b.type === 'text') as { text: string } | undefined;
		const half = first ? first.text.slice(0, Math.max(1, Math.floor(first.text.length / 2))) : '';
		content = [{ type: 'text', text: half }];
	}
	const output = content.reduce(
		(n, b) => n + (b.type === 'text' ? countTextTokens(String((b as { text: string }).text)) : 8),
		0
	);
	return {
		...message,
		content,
		stop_reason: stop,
		stop_sequence: null,
		...(stop === 'refusal' ? { stop_details: details } : {}),
		usage: { ...message.usage, output_tokens: Math.max(1, output) }
	};
}
