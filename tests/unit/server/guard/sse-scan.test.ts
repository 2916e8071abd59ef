// The usage tap's SSE byte scanner must see the same events eventsource-parser (what it
// replaced) sees, however the bytes are cut into chunks, and the tap must report the usage.
import { readdirSync, readFileSync } from 'node:fs';
import { createParser } from 'eventsource-parser';
import { describe, expect, it } from 'vitest';
import { sseEventScanner, type SseEvent } from '$lib/server/guard/sse-scan';
import type { Usage } from '$lib/schemas/usage';
import { sseUsageTap } from '$lib/server/guard/usage-tap';

const DIR = '../shared/fixtures/recorded';
const recorded = readdirSync(DIR)
	.filter((f) => f.endsWith('.sse'))
	.sort()
	.map((f) => [f, readFileSync(`${DIR}/${f}`)] as const);
const WANTED = new Set(['message_start', 'message_delta', 'message']);

function byParser(bytes: Buffer): SseEvent[] {
	const out: SseEvent[] = [];
	const parser = createParser({
		onEvent: (e) => {
			const event = e.event || 'message';
			if (WANTED.has(event)) out.push({ event, data: e.data });
		}
	});
	parser.feed(new TextDecoder().decode(bytes));
	return out;
}

function byScanner(chunks: Uint8Array[]): SseEvent[] {
	const out: SseEvent[] = [];
	const scanner = sseEventScanner(WANTED, { onEvent: (e) => out.push(e) });
	for (const c of chunks) scanner.feed(c);
	return out;
}

/** Deterministic cuts: every `size` bytes, plus a cut at every byte for the short inputs. */
function cuts(bytes: Buffer, size: number): Uint8Array[] {
	const out: Uint8Array[] = [];
	for (let at = 0; at < bytes.length; at += size)
		out.push(new Uint8Array(bytes.subarray(at, at + size)));
	return out;
}

describe('sseEventScanner', () => {
	it.each(recorded)('finds the events eventsource-parser finds in %s, cut anywhere', (_, bytes) => {
		const expected = byParser(bytes);
		expect(expected.map((e) => e.event)).toContain('message_start');
		for (const size of [1, 2, 3, 7, 64, 100, 4096, bytes.length])
			expect(byScanner(cuts(bytes, size))).toEqual(expected);
	});

	// A CR last in the input: eventsource-parser waits for the next byte (an LF may follow), the
	// scanner ends the line at once (as the spec allows), so that case ends in one more line.
	const edgeCases: [string, string][] = [
		['CRLF line ends', 'event: message_start\r\ndata: {"a":1}\r\n\r\n'],
		['CR line ends', 'event: message_delta\rdata: {"b":2}\r\r: more\r'],
		['data before the event name', 'data: {"c":3}\nevent: message_start\n\n'],
		['two data lines, no space after the colon', 'event:message_delta\ndata:1\ndata: 2\n\n'],
		[
			'comments, ids and unwanted events',
			': hi\nid: 4\nevent: ping\ndata: x\n\nevent: message_start\ndata: y\n\n'
		],
		['a bare data field', 'event: message_start\ndata\n\n'],
		['an unnamed event (message)', 'data: plain\n\n'],
		['an empty event name (message too)', 'event:\ndata: plain\n\n'],
		['a leading BOM', '\ufeffevent: message_start\ndata: {"d":4}\n\n'],
		['an event cut off before its blank line', 'event: message_start\ndata: {"e":5}\n'],
		[
			'a name changed back to a wanted one',
			'event: ping\ndata: 1\nevent: message_delta\ndata: 2\n\n'
		],
		['multi-byte text around the fields', 'event: message_delta\ndata: {"t":"héllo ✓ 🎉"}\n\n']
	];
	it.each(edgeCases)('reads %s as eventsource-parser does', (_, text) => {
		const bytes = Buffer.from(text);
		for (const size of [1, 2, 5, bytes.length])
			expect(byScanner(cuts(bytes, size))).toEqual(byParser(bytes));
	});
});

describe('sseUsageTap', () => {
	it('reports input from message_start and the last output from message_delta, once', () => {
		const [, bytes] = recorded.find(([f]) => f === 'stream-text-ping.sse')!;
		const seen: Usage[] = [];
		const tap = sseUsageTap((u) => seen.push(u));
		for (const c of cuts(bytes, 64)) tap.feed(c);
		tap.finish();
		tap.finish();
		expect(seen).toHaveLength(1);
		expect(seen[0]).toMatchObject({
			input_tokens: 10,
			output_tokens: 4,
			cache_read_input_tokens: 0
		});
	});

	it('still reports what message_start said when the stream is cut before message_delta', () => {
		const [, bytes] = recorded.find(([f]) => f === 'stream-text-ping.sse')!;
		const seen: Usage[] = [];
		const tap = sseUsageTap((u) => seen.push(u));
		tap.feed(bytes.subarray(0, bytes.indexOf('event: content_block_start')));
		tap.finish();
		expect(seen).toHaveLength(1);
		expect(seen[0]).toMatchObject({ input_tokens: 10, output_tokens: 2 });
	});
});
