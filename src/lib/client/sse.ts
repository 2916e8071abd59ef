import { createParser, type EventSourceMessage } from 'eventsource-parser';

export interface RawSseEvent {
	/** The SSE `event:` name (what SDKs dispatch on). */
	event: string;
	data: string;
	/** Milliseconds since the request was sent. */
	at: number;
}

/**
 * Reads an SSE body, reporting every event as received and every raw chunk (so the exact
 * bytes can be saved). Parsing is eventsource-parser's, not ours.
 */
export async function readSse(
	body: ReadableStream<Uint8Array>,
	startedAt: number,
	handlers: { onEvent: (e: RawSseEvent) => void; onBytes?: (chunk: Uint8Array, at: number) => void }
): Promise<void> {
	const parser = createParser({
		onEvent(message: EventSourceMessage) {
			handlers.onEvent({
				event: message.event ?? 'message',
				data: message.data,
				at: performance.now() - startedAt
			});
		}
	});
	const decoder = new TextDecoder();
	const reader = body.getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		handlers.onBytes?.(value, performance.now() - startedAt);
		parser.feed(decoder.decode(value, { stream: true }));
	}
	parser.feed(decoder.decode());
}
