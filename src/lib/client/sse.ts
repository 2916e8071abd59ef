import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { afterTask } from './next-task';

export interface RawSseEvent {
	/** The SSE `event:` name (what SDKs dispatch on). */
	event: string;
	data: string;
	/** Milliseconds since the request was sent, when the network chunk holding the event arrived. */
	at: number;
}

/** The parser is fed at most this many bytes at a time, so a reader that must yield can. */
const MAX_PIECE = 16 * 1024;

export interface ReadSseOptions {
	/**
	 * Yield to the event loop whenever reading (parsing and handlers included) has worked this
	 * long: a body that is already fully buffered (a fast local server, a replay) would otherwise
	 * be parsed in one multi-second task. Without it the reader never yields on its own.
	 */
	budgetMs?: number;
	/** Checked when the reader yields: an abort then ends the read with the signal's reason. */
	signal?: AbortSignal;
}

/**
 * Reads an SSE body, reporting every event and every raw chunk (so the exact bytes can be
 * saved). Events are stamped with the time their network chunk was read (one clock read per
 * chunk, not per event: the events of a chunk arrived together, and parsing a buffered body must
 * not look like the stream arriving). Parsing is eventsource-parser's, not ours.
 */
export async function readSse(
	body: ReadableStream<Uint8Array>,
	startedAt: number,
	handlers: {
		onEvent: (e: RawSseEvent) => void;
		onBytes?: (chunk: Uint8Array, at: number) => void;
	},
	options: ReadSseOptions = {}
): Promise<void> {
	let at = 0;
	const parser = createParser({
		onEvent(message: EventSourceMessage) {
			handlers.onEvent({ event: message.event ?? 'message', data: message.data, at });
		}
	});
	const decoder = new TextDecoder();
	const reader = body.getReader();
	const budget = options.budgetMs ?? Infinity;
	let sliceStart = performance.now();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		at = performance.now() - startedAt;
		handlers.onBytes?.(value, at);
		for (let offset = 0; offset < value.byteLength; offset += MAX_PIECE) {
			if (performance.now() - sliceStart > budget) {
				await afterTask();
				sliceStart = performance.now();
				if (options.signal?.aborted) {
					void reader.cancel(options.signal.reason).catch(() => undefined);
					throw options.signal.reason;
				}
			}
			const piece = value.subarray(offset, offset + MAX_PIECE);
			parser.feed(decoder.decode(piece, { stream: true }));
		}
	}
	parser.feed(decoder.decode());
}
