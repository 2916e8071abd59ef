import { afterEach, describe, expect, it, vi } from 'vitest';
import { RunState } from '$lib/state/run.svelte';
import { recorded, sseEvents } from '../../support/fixtures';

/** A fetch answering with the given body (split into small chunks, like a network would) and headers. */
function answer(body: string, init: ResponseInit & { chunk?: number } = {}) {
	const bytes = new TextEncoder().encode(body);
	const size = init.chunk ?? 97;
	return vi.fn(async (_url: string, _req: RequestInit) => {
		const stream = new ReadableStream<Uint8Array>({
			start(c) {
				for (let i = 0; i < bytes.length; i += size) c.enqueue(bytes.slice(i, i + size));
				c.close();
			}
		});
		return new Response(stream, { status: init.status ?? 200, headers: init.headers });
	});
}

afterEach(() => vi.unstubAllGlobals());

describe('RunState', () => {
	it('streams a recorded thinking stream into a message, the event log and the exact bytes', async () => {
		const sse = recorded('stream-thinking.sse');
		const fetch = answer(sse, {
			headers: { 'content-type': 'text/event-stream', 'request-id': 'req_1' }
		});
		vi.stubGlobal('fetch', fetch);
		const run = new RunState();
		await run.send({ model: 'm', max_tokens: 5, messages: [] });
		expect(run.status).toBe('done');
		expect(JSON.parse(fetch.mock.calls[0][1].body as string).stream).toBe(true);
		expect(run.blocks.map((b) => b.type)).toEqual(['thinking', 'text']);
		expect(run.text).toBe(run.blocks[1].type === 'text' ? run.blocks[1].text : 'no');
		expect(run.events.map((e) => e.event)).toEqual(sseEvents(sse).map((e) => e.event));
		expect(run.eventCounts.content_block_delta).toBe(
			sseEvents(sse).filter((e) => e.event === 'content_block_delta').length
		);
		expect(run.stopReason).toBe('end_turn');
		expect(run.timings.isEstimate).toBe(false);
		expect(run.timings.outputTokens).toBe(run.usage?.output_tokens);
		expect(run.timings.ttft).not.toBeNull();
		expect(new Uint8Array(await run.rawBody().arrayBuffer())).toEqual(
			new TextEncoder().encode(sse)
		);
		expect(run.byteCount).toBe(new TextEncoder().encode(sse).length);
	});

	it('shows a non-streaming Message the same way', async () => {
		const json = recorded('message-tool-use-parallel.json');
		vi.stubGlobal('fetch', answer(json, { headers: { 'content-type': 'application/json' } }));
		const run = new RunState();
		await run.send({ model: 'm', max_tokens: 5, messages: [], stream: false });
		expect(run.status).toBe('done');
		expect(run.isStream).toBe(false);
		expect(run.message).toEqual(JSON.parse(json));
		expect(run.stopReason).toBe('tool_use');
		expect(run.events).toEqual([]);
	});

	it('keeps status, type, message, request-id and retry-after of an HTTP error', async () => {
		vi.stubGlobal(
			'fetch',
			answer(recorded('error-529-overloaded_error.json'), {
				status: 529,
				headers: { 'request-id': 'req_x', 'retry-after': '3' }
			})
		);
		const run = new RunState();
		await run.send({});
		expect(run.status).toBe('error');
		expect(run.error).toEqual({
			status: 529,
			type: 'overloaded_error',
			message: 'Overloaded',
			requestId: 'req_x',
			retryAfter: 3
		});
	});

	it('keeps what streamed before a mid-stream error event', async () => {
		const events = sseEvents(recorded('stream-text-ping.sse')).slice(0, 4);
		const sse =
			events.map((e) => `event: ${e.event}\ndata: ${e.data}\n\n`).join('') +
			'event: error\ndata: {"type":"error","error":{"type":"api_error","message":"boom"}}\n\n';
		vi.stubGlobal('fetch', answer(sse, { headers: { 'request-id': 'req_y' } }));
		const run = new RunState();
		await run.send({});
		expect(run.status).toBe('error');
		expect(run.error).toEqual(
			expect.objectContaining({
				type: 'api_error',
				message: 'boom',
				requestId: 'req_y',
				midStream: true
			})
		);
		expect(run.message?.content.length).toBe(1);
		expect(run.events.at(-1)?.event).toBe('error');
	});

	it('reports a stream that ends without message_stop', async () => {
		const sse = recorded('stream-text-ping.sse');
		vi.stubGlobal('fetch', answer(sse.slice(0, sse.indexOf('event: message_delta'))));
		const run = new RunState();
		await run.send({});
		expect(run.error?.type).toBe('incomplete_stream');
	});

	it('stops: aborts the request and keeps the status "stopped"', async () => {
		vi.stubGlobal(
			'fetch',
			vi.fn(
				(_url: string, req: RequestInit) =>
					new Promise((_, reject) =>
						req.signal?.addEventListener('abort', () =>
							reject(new DOMException('aborted', 'AbortError'))
						)
					)
			)
		);
		const run = new RunState();
		const sent = run.send({});
		expect(run.isRunning).toBe(true);
		run.stop();
		await sent;
		expect(run.status).toBe('stopped');
		expect(run.error).toBeNull();
	});
});

describe('RunState.retry', () => {
	it('re-sends the last body and headers', async () => {
		const fetch = answer(recorded('stream-text-ping.sse'));
		vi.stubGlobal('fetch', fetch);
		const run = new RunState();
		expect(run.canRetry).toBe(false);
		await run.send({ model: 'a' }, { 'x-simulator-fault': 'overloaded' });
		await run.retry();
		expect(fetch).toHaveBeenCalledTimes(2);
		const [first, second] = fetch.mock.calls.map((c) => c[1]);
		expect(second.body).toBe(first.body);
		expect(second.headers).toEqual({
			'content-type': 'application/json',
			'x-simulator-fault': 'overloaded'
		});
	});
});

describe('RunState publishing', () => {
	it('publishes a burst of deltas once per animation frame, not once per event', async () => {
		const frames: FrameRequestCallback[] = [];
		vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
		const events = sseEvents(recorded('stream-text-ping.sse'));
		const head = events
			.slice(0, 3)
			.map((e) => `event: ${e.event}\ndata: ${e.data}\n\n`)
			.join('');
		const delta =
			'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"x"}}\n\n';
		let source!: ReadableStreamDefaultController<Uint8Array>;
		const body = new ReadableStream<Uint8Array>({ start: (c) => void (source = c) });
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => new Response(body, { headers: { 'content-type': 'text/event-stream' } }))
		);
		const run = new RunState();
		const sent = run.send({});
		source.enqueue(new TextEncoder().encode(head + delta.repeat(100)));
		await vi.waitFor(() => expect(frames).toHaveLength(1));
		expect(run.events).toEqual([]); // nothing reactive changed between frames
		frames.shift()!(0);
		expect(run.events).toHaveLength(103);
		expect(run.text).toBe('x'.repeat(100));
		source.close();
		await sent;
		expect(run.status).toBe('error'); // ended without message_stop
	});
});
