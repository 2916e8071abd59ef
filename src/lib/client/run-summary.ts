import type { RawSseEvent } from './sse';
import type { Message } from '$lib/schemas';

/**
 * What a finished stream amounted to, rebuilt from its raw events: the assembled message (as an
 * SDK's accumulator would build it), time to first token and total time. Used where a run is
 * shown or saved after the fact (compare, share, history), from the same event log the UI shows.
 */
export interface RunSummary {
	message: Message | null;
	firstTokenMs: number | null;
	totalMs: number | null;
}

type Block = Record<string, unknown> & { type: string };

export function summarizeRun(events: readonly RawSseEvent[]): RunSummary {
	let message: Message | null = null;
	const json = new Map<number, string>();
	let firstTokenMs: number | null = null;
	for (const e of events) {
		// Wire JSON: each field is checked where it is used, an odd event is skipped, never thrown on.
		let data: Record<string, any>;
		try {
			data = JSON.parse(e.data);
		} catch {
			continue;
		}
		if (e.event === 'message_start' && data.message) message = { ...data.message, content: [] };
		if (!message) continue;
		const blocks = message.content as Block[];
		if (e.event === 'content_block_start') blocks[data.index] = { ...data.content_block };
		else if (e.event === 'content_block_delta') {
			firstTokenMs ??= e.at;
			applyDelta(blocks[data.index], data.delta, json, data.index);
		} else if (e.event === 'content_block_stop' && json.has(data.index)) {
			blocks[data.index].input = parseInput(json.get(data.index)!);
		} else if (e.event === 'message_delta') {
			message.stop_reason = data.delta?.stop_reason ?? message.stop_reason;
			message.stop_sequence = data.delta?.stop_sequence ?? message.stop_sequence;
			message.usage = { ...message.usage, ...data.usage };
		}
	}
	return { message, firstTokenMs, totalMs: events.length ? events[events.length - 1].at : null };
}

function applyDelta(block: Block | undefined, delta: Record<string, string> | undefined, json: Map<number, string>, index: number) {
	if (!block || !delta) return;
	if (delta.type === 'text_delta') block.text = String(block.text ?? '') + delta.text;
	else if (delta.type === 'thinking_delta') block.thinking = String(block.thinking ?? '') + delta.thinking;
	else if (delta.type === 'signature_delta') block.signature = delta.signature;
	else if (delta.type === 'input_json_delta') json.set(index, (json.get(index) ?? '') + delta.partial_json);
}

/** An empty tool input stream means `{}` (a tool without arguments). */
function parseInput(text: string): unknown {
	if (text.trim() === '') return {};
	try {
		return JSON.parse(text);
	} catch {
		return { _unparsed: text };
	}
}
