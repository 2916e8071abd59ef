import type { Message } from '$lib/schemas';
import { tokenize } from './tokens';
import { createRng, intBetween } from './random';
import { deltaUsage } from './usage';

export type SimEvent = { type: string; [key: string]: unknown };

export function encodeEvent(event: SimEvent): string {
	return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/** Splits JSON text into fragments the way the API does: first an empty one, then arbitrary cuts. */
export function chunkJson(json: string, seed: number): string[] {
	const rng = createRng(seed);
	const out = [''];
	let i = 0;
	while (i < json.length) {
		const n = intBetween(rng, 3, 14);
		out.push(json.slice(i, i + n));
		i += n;
	}
	return out;
}

/** Groups token pieces into deltas of 1–3 tokens, each delta with its token count. */
function textDeltas(text: string, seed: number): { text: string; tokens: number }[] {
	const rng = createRng(seed);
	const pieces = tokenize(text);
	const out: { text: string; tokens: number }[] = [];
	for (let i = 0; i < pieces.length;) {
		const n = Math.min(pieces.length - i, intBetween(rng, 1, 3));
		out.push({ text: pieces.slice(i, i + n).join(''), tokens: n });
		i += n;
	}
	return out;
}

export interface TimedEvent {
	event: SimEvent;
	/** Output tokens this event represents, for pacing. */
	tokens: number;
}

/** The full event sequence for a finished message, in the API's order. */
export function messageEvents(message: Message, seed: number): TimedEvent[] {
	// As recorded: message_start carries the input and cache counts, a first output count, no details yet.
	const {
		output_tokens_details: _details,
		server_tool_use: _tools,
		...startUsage
	} = message.usage as Record<string, unknown>;
	startUsage.output_tokens = Math.min(1, message.usage.output_tokens);
	const started = {
		...message,
		content: [],
		stop_reason: null,
		stop_sequence: null,
		stop_details: null,
		usage: startUsage
	};
	const events: TimedEvent[] = [{ event: { type: 'message_start', message: started }, tokens: 0 }];
	// The API pings once after the first block starts, whatever the block's type.
	const start = (index: number, content_block: unknown) => {
		events.push({ event: { type: 'content_block_start', index, content_block }, tokens: 0 });
		if (index === 0) events.push({ event: { type: 'ping' }, tokens: 0 });
	};
	const delta = (index: number, body: Record<string, unknown>, tokens = 0) =>
		events.push({ event: { type: 'content_block_delta', index, delta: body }, tokens });
	message.content.forEach((block, index) => {
		const b = block as Record<string, unknown>;
		if (b.type === 'text') {
			start(index, { type: 'text', text: '' });
			// A quoting block announces its citations first, one citations_delta each.
			for (const citation of (b.citations as unknown[] | null | undefined) ?? [])
				delta(index, { type: 'citations_delta', citation });
			for (const d of textDeltas(String(b.text), seed + index))
				delta(index, { type: 'text_delta', text: d.text }, d.tokens);
		} else if (b.type === 'thinking') {
			start(index, { type: 'thinking', thinking: '', signature: '' });
			for (const d of textDeltas(String(b.thinking), seed + index))
				delta(index, { type: 'thinking_delta', thinking: d.text }, d.tokens);
			delta(index, { type: 'signature_delta', signature: b.signature });
		} else if (b.type === 'tool_use' || b.type === 'server_tool_use') {
			start(index, { ...b, input: {} });
			const json = JSON.stringify(b.input ?? {});
			for (const part of chunkJson(json === '{}' ? '' : json, seed + index))
				delta(index, { type: 'input_json_delta', partial_json: part }, tokenize(part).length);
		} else {
			start(index, b);
		}
		events.push({ event: { type: 'content_block_stop', index }, tokens: 0 });
	});
	events.push({
		event: {
			type: 'message_delta',
			delta: {
				stop_reason: message.stop_reason,
				stop_sequence: message.stop_sequence,
				stop_details: message.stop_details ?? null
			},
			usage: deltaUsage(message.usage)
		},
		tokens: 0
	});
	events.push({ event: { type: 'message_stop' }, tokens: 0 });
	return events;
}

export interface StreamOptions {
	tokensPerSecond: number;
	signal?: AbortSignal;
	/** Fault: after N events send an `error` event and end. */
	errorAfter?: { events: number; type: string; message: string };
	/** Fault: after N events close the connection without a proper end. */
	dropAfter?: number;
	/** Fault: wait this long before the first byte. */
	delayMs?: number;
}

const DROP_GRACE_MS = 100;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
	if (ms <= 0) return Promise.resolve();
	return new Promise((resolve) => {
		const onAbort = () => {
			clearTimeout(timer);
			resolve();
		};
		const timer = setTimeout(() => {
			signal?.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		signal?.addEventListener('abort', onAbort, { once: true });
	});
}

/** Serves events as SSE bytes, paced at the configured token rate; stops when the client goes. */
export function sseBody(events: TimedEvent[], opts: StreamOptions): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	let i = 0;
	let cancelled = false;
	return new ReadableStream<Uint8Array>({
		async start() {
			await sleep(opts.delayMs ?? 0, opts.signal);
		},
		async pull(controller) {
			if (cancelled || opts.signal?.aborted) return controller.close();
			if (opts.dropAfter !== undefined && i >= opts.dropAfter) {
				// Let the events already sent leave the process first: a real drop cuts a stream
				// the client has started reading, not one whose headers never arrived. Not tied to
				// the request signal: behind the in-process SDK that can fire before the bytes are out.
				await sleep(DROP_GRACE_MS);
				return controller.error(new Error('simulated dropped connection'));
			}
			if (opts.errorAfter && i >= opts.errorAfter.events) {
				const { type, message } = opts.errorAfter;
				controller.enqueue(
					encoder.encode(encodeEvent({ type: 'error', error: { type, message } }))
				);
				return controller.close();
			}
			if (i >= events.length) return controller.close();
			const { event, tokens } = events[i++];
			if (tokens > 0 && opts.tokensPerSecond > 0)
				await sleep((tokens / opts.tokensPerSecond) * 1000, opts.signal);
			if (cancelled || opts.signal?.aborted) return controller.close();
			controller.enqueue(encoder.encode(encodeEvent(event)));
		},
		cancel() {
			cancelled = true;
		}
	});
}
