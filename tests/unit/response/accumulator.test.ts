import { describe, expect, it } from 'vitest';
import { MessageAccumulator } from '$lib/response/accumulator';
import { readSse } from '$lib/client/sse';
import { recorded, recordedFiles, sseEvents } from '../../support/fixtures';

function accumulate(file: string) {
	const acc = new MessageAccumulator();
	for (const e of sseEvents(recorded(file))) acc.apply(e.event, e.data);
	return acc;
}

type Obj = Record<string, unknown>;
const blocks = (acc: MessageAccumulator) => acc.snapshot()!.content as Obj[];

describe('MessageAccumulator on recorded streams', () => {
	it.each(recordedFiles('.sse'))('%s ends complete with content and final usage', (file) => {
		const acc = accumulate(file);
		const msg = acc.snapshot()!;
		expect(acc.isComplete).toBe(true);
		expect(msg.content.length).toBeGreaterThan(0);
		expect(msg.stop_reason).not.toBeNull();
		const lastDelta = sseEvents(recorded(file))
			.filter((e) => e.event === 'message_delta')
			.at(-1)!;
		expect(msg.usage.output_tokens).toBe(JSON.parse(lastDelta.data).usage.output_tokens);
	});

	it('builds plain text and keeps message_start usage (stream-text-ping)', () => {
		const msg = accumulate('stream-text-ping.sse').snapshot()!;
		expect(blocks(accumulate('stream-text-ping.sse'))).toEqual([
			{ type: 'text', text: msg.content[0].type === 'text' ? msg.content[0].text : '' }
		]);
		expect((msg.content[0] as Obj).text).toMatch(/Hello/);
		expect(msg.stop_reason).toBe('end_turn');
		expect(msg.usage.input_tokens).toBeGreaterThan(0);
	});

	it('gives an argument-less tool {} as input (stream-tool-use)', () => {
		const tool = blocks(accumulate('stream-tool-use.sse')).find((b) => b.type === 'tool_use')!;
		expect(tool.input).toEqual({});
		expect(accumulate('stream-tool-use.sse').snapshot()!.stop_reason).toBe('tool_use');
	});

	it('parses chunked tool input and keeps server tool blocks (stream-tool-use-input-json-delta)', () => {
		const content = blocks(accumulate('stream-tool-use-input-json-delta.sse'));
		expect(content.map((b) => b.type)).toEqual([
			'text',
			'server_tool_use',
			'tool_search_tool_result',
			'text',
			'tool_use'
		]);
		const tool = content[4];
		expect(tool.name).toBe('get_exchange_rate');
		expect(tool.input).toEqual(expect.objectContaining({}));
		expect(Object.keys(tool.input as Obj).length).toBeGreaterThan(0);
		const server = content[1];
		expect(server.name).toBe('tool_search_tool_bm25');
		expect(typeof server.input).toBe('object');
		expect(Object.keys(server.input as Obj).length).toBeGreaterThan(0);
		expect(content[2].content).toBeTruthy();
	});

	it('collects thinking text and its signature (stream-thinking)', () => {
		const events = sseEvents(recorded('stream-thinking.sse')).map((e) => JSON.parse(e.data));
		const thinking = events
			.filter((e) => e.delta?.type === 'thinking_delta')
			.map((e) => e.delta.thinking)
			.join('');
		const signature = events.find((e) => e.delta?.type === 'signature_delta').delta.signature;
		const content = blocks(accumulate('stream-thinking.sse'));
		expect(content[0]).toEqual({ type: 'thinking', thinking, signature });
		expect(content[1].type).toBe('text');
	});

	it('fills compaction blocks from compaction_delta, and lets message_delta usage win (stream-cache-read-compaction)', () => {
		const acc = accumulate('stream-cache-read-compaction.sse');
		const content = blocks(acc);
		expect(content[0].type).toBe('compaction');
		expect(content[0].content).toMatch(/^The user provided a very long context/);
		// compaction_delta carries the final value (SDK BetaMessageStream): known, so not an unknown delta.
		expect(acc.unknownDeltas).toEqual([]);
		expect(acc.snapshot()!.context_management).toEqual({ applied_edits: [] });
		// message_start said cache_read 55096; the 2025+ message_delta repeats usage, and (as in the SDK) it wins.
		const usage = acc.snapshot()!.usage as Obj;
		expect(usage).toEqual(
			expect.objectContaining({
				input_tokens: 181,
				cache_read_input_tokens: 0,
				output_tokens: 8,
				service_tier: 'standard'
			})
		);
		expect(usage.iterations).toHaveLength(2);
	});
});

describe('MessageAccumulator details', () => {
	const start = JSON.stringify({
		type: 'message_start',
		message: {
			id: 'm',
			type: 'message',
			role: 'assistant',
			model: 'x',
			content: [],
			stop_reason: null,
			stop_sequence: null,
			usage: { input_tokens: 5, output_tokens: 1 }
		}
	});

	it('shows a best-effort partial tool input while it streams', () => {
		const acc = new MessageAccumulator();
		acc.apply('message_start', start);
		acc.apply(
			'content_block_start',
			JSON.stringify({
				type: 'content_block_start',
				index: 0,
				content_block: { type: 'tool_use', id: 't', name: 'n', input: {} }
			})
		);
		acc.apply(
			'content_block_delta',
			JSON.stringify({
				type: 'content_block_delta',
				index: 0,
				delta: { type: 'input_json_delta', partial_json: '{"city": "Os' }
			})
		);
		expect((acc.snapshot()!.content[0] as Obj).input).toEqual({ city: 'Os' });
		acc.apply(
			'content_block_delta',
			JSON.stringify({
				type: 'content_block_delta',
				index: 0,
				delta: { type: 'input_json_delta', partial_json: 'lo", "n": [1,' }
			})
		);
		expect((acc.snapshot()!.content[0] as Obj).input).toEqual({ city: 'Oslo', n: [1] });
	});

	it('takes stop_reason/stop_sequence and overwrites usage from message_delta; snapshots are new objects', () => {
		const acc = new MessageAccumulator();
		acc.apply('message_start', start);
		const before = acc.snapshot();
		acc.apply(
			'message_delta',
			JSON.stringify({
				type: 'message_delta',
				delta: { stop_reason: 'stop_sequence', stop_sequence: 'END' },
				usage: { output_tokens: 42 }
			})
		);
		const after = acc.snapshot()!;
		expect(after).not.toBe(before);
		expect(after.stop_sequence).toBe('END');
		expect(after.usage).toEqual({ input_tokens: 5, output_tokens: 42 });
		expect(before!.usage.output_tokens).toBe(1);
	});

	it('records a mid-stream error and keeps what streamed', () => {
		const acc = new MessageAccumulator();
		acc.apply('message_start', start);
		acc.apply(
			'content_block_start',
			JSON.stringify({
				type: 'content_block_start',
				index: 0,
				content_block: { type: 'text', text: '' }
			})
		);
		acc.apply(
			'content_block_delta',
			JSON.stringify({
				type: 'content_block_delta',
				index: 0,
				delta: { type: 'text_delta', text: 'partial' }
			})
		);
		acc.apply(
			'error',
			JSON.stringify({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } })
		);
		expect(acc.error).toEqual({ type: 'overloaded_error', message: 'Overloaded' });
		expect(acc.snapshot()!.content).toEqual([{ type: 'text', text: 'partial' }]);
		expect(acc.isComplete).toBe(false);
	});

	it('skips known events that lack their parts instead of throwing, and ignores newer event types', () => {
		const acc = new MessageAccumulator();
		acc.apply('message_start', start);
		acc.apply(
			'content_block_start',
			JSON.stringify({
				type: 'content_block_start',
				index: 0,
				content_block: { type: 'text', text: 'a' }
			})
		);
		for (const type of ['message_start', 'content_block_delta', 'message_delta', 'error'])
			expect(() => acc.apply(type, JSON.stringify({ type, index: 0 }))).not.toThrow();
		expect(
			acc.apply('brand_new_event', JSON.stringify({ type: 'brand_new_event' }))
		).toBeUndefined();
		expect(acc.snapshot()!.content).toEqual([{ type: 'text', text: 'a' }]);
		expect(acc.snapshot()!.usage.output_tokens).toBe(1);
		expect(acc.error).toEqual({ type: 'error', message: '' });
	});

	it('applies a delta only to a block of its own type, as the SDK does', () => {
		const acc = new MessageAccumulator();
		acc.apply('message_start', start);
		const startBlock = (content_block: object) =>
			acc.apply(
				'content_block_start',
				JSON.stringify({ type: 'content_block_start', index: 0, content_block })
			);
		const delta = (d: object) =>
			acc.apply(
				'content_block_delta',
				JSON.stringify({ type: 'content_block_delta', index: 0, delta: d })
			);
		startBlock({ type: 'thinking', thinking: 'hm', signature: '' });
		delta({ type: 'text_delta', text: 'not thinking' });
		delta({ type: 'thinking_delta', thinking: 'm' });
		expect(acc.snapshot()!.content).toEqual([{ type: 'thinking', thinking: 'hmm', signature: '' }]);
		expect(acc.unknownDeltas).toEqual([]);
	});

	it('ignores data that is not JSON instead of throwing', () => {
		const acc = new MessageAccumulator();
		expect(acc.apply('message_start', '{oops')).toBeUndefined();
		expect(acc.snapshot()).toBeNull();
	});
});

describe('chunk boundaries', () => {
	it('gives the same message for stream-text-ping.sse split at every byte position', async () => {
		const bytes = new TextEncoder().encode(recorded('stream-text-ping.sse'));
		const expected = accumulate('stream-text-ping.sse').snapshot();
		for (let cut = 1; cut < bytes.length; cut++) {
			const body = new ReadableStream<Uint8Array>({
				start(c) {
					c.enqueue(bytes.slice(0, cut));
					c.enqueue(bytes.slice(cut));
					c.close();
				}
			});
			const acc = new MessageAccumulator();
			await readSse(body, 0, { onEvent: (e) => acc.apply(e.event, e.data) });
			expect(acc.snapshot(), `cut at ${cut}`).toEqual(expected);
		}
	});

	it('survives a multi-byte character split across chunks (stream-thinking.sse, one byte per chunk)', async () => {
		const bytes = new TextEncoder().encode(recorded('stream-thinking.sse'));
		const body = new ReadableStream<Uint8Array>({
			start(c) {
				for (let i = 0; i < bytes.length; i++) c.enqueue(bytes.slice(i, i + 1));
				c.close();
			}
		});
		const acc = new MessageAccumulator();
		await readSse(body, 0, { onEvent: (e) => acc.apply(e.event, e.data) });
		expect(acc.snapshot()).toEqual(accumulate('stream-thinking.sse').snapshot());
	});
});
