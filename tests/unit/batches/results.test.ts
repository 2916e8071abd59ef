import { describe, expect, it } from 'vitest';
import { ByteStore, LineSplitter } from '$lib/batches/lines';
import { parseResultLine, summarizeLine } from '$lib/batches/results';
import { TotalsAccumulator } from '$lib/batches/totals';
import { recorded, recordedFiles } from '../../support/fixtures';

const succeeded = JSON.stringify({
	custom_id: 'a-1',
	result: {
		type: 'succeeded',
		message: {
			id: 'msg_1',
			type: 'message',
			role: 'assistant',
			model: 'claude-3-5-haiku-20241022',
			content: [{ type: 'text', text: '\n# Title\nSecond line' }],
			stop_reason: 'end_turn',
			stop_sequence: null,
			usage: { input_tokens: 1000, output_tokens: 2000, cache_read_input_tokens: 10 }
		}
	}
});
const errored = JSON.stringify({
	custom_id: 'b',
	result: {
		type: 'errored',
		error: {
			type: 'error',
			error: { type: 'invalid_request_error', message: 'max_tokens: too big' }
		}
	}
});

describe('summarizeLine', () => {
	it('keeps the compact fields of a succeeded result', () => {
		expect(summarizeLine(succeeded, 1, 0, succeeded.length)).toMatchObject({
			line: 1,
			customId: 'a-1',
			type: 'succeeded',
			model: 'claude-3-5-haiku-20241022',
			stopReason: 'end_turn',
			inputTokens: 1000,
			outputTokens: 2000,
			cacheReadTokens: 10,
			firstLine: '# Title',
			offset: 0,
			length: succeeded.length
		});
	});

	it('summarises errored, canceled and expired results', () => {
		expect(summarizeLine(errored, 2)).toMatchObject({
			type: 'errored',
			customId: 'b',
			firstLine: 'invalid_request_error: max_tokens: too big'
		});
		expect(summarizeLine('{"custom_id":"c","result":{"type":"canceled"}}', 3)).toMatchObject({
			type: 'canceled',
			customId: 'c',
			firstLine: ''
		});
		expect(summarizeLine('{"custom_id":"d","result":{"type":"expired"}}', 4)).toMatchObject({
			type: 'expired',
			customId: 'd'
		});
	});

	it('marks a malformed line with its line number instead of failing', () => {
		expect(summarizeLine('{"custom_id": "x", "res', 7)).toMatchObject({
			type: 'malformed',
			line: 7
		});
		expect(summarizeLine('{"custom_id":"x","result":{"type":"weird"}}', 8)).toMatchObject({
			type: 'malformed',
			customId: 'x',
			line: 8
		});
		expect(summarizeLine('{"custom_id": "x", "res', 7).firstLine).toMatch(/^line 7 is not JSON/);
		const noUsage = JSON.parse(succeeded);
		delete noUsage.result.message.usage;
		expect(summarizeLine(JSON.stringify(noUsage), 9)).toMatchObject({
			type: 'malformed',
			customId: 'a-1',
			firstLine: expect.stringMatching(/^line 9 is not a batch result/)
		});
	});

	it('shortens a long first line', () => {
		const long = succeeded.replace('# Title', 'x'.repeat(500));
		expect(summarizeLine(long, 1).firstLine).toHaveLength(160);
	});

	it('reads every recorded results fixture', () => {
		const files = recordedFiles('.jsonl').filter((f) => f.startsWith('batch-results-'));
		expect(files.length).toBeGreaterThanOrEqual(3);
		for (const f of files)
			for (const [i, line] of recorded(f).split('\n').filter(Boolean).entries()) {
				const row = summarizeLine(line, i + 1);
				expect(row.type, `${f}:${i + 1}`).not.toBe('malformed');
				expect(parseResultLine(line)?.custom_id).toBe(row.customId);
			}
	});
});

describe('TotalsAccumulator', () => {
	it('counts types and prices usage at batch rates, across several bursts', () => {
		const acc = new TotalsAccumulator().add([summarizeLine(succeeded, 1)]);
		expect(acc.snapshot().counts.succeeded).toBe(1);
		const t = acc.add([summarizeLine(errored, 2), summarizeLine('oops', 3)]).snapshot();
		expect(t.counts).toEqual({ succeeded: 1, errored: 1, canceled: 0, expired: 0, malformed: 1 });
		// Haiku 3.5: $0.80 in / $4 out per million, half price: 1000*0.4e-6 + 2000*2e-6 + 10*0.04e-6
		expect(t.cost).toBeCloseTo(0.0004 + 0.004 + 0.0000004, 10);
	});
});

describe('TotalsAccumulator token sums', () => {
	const answer = (model: string, usage: Record<string, number>) =>
		JSON.stringify({
			custom_id: `${model}-${JSON.stringify(usage)}`,
			result: {
				type: 'succeeded',
				message: {
					id: 'msg_x',
					type: 'message',
					role: 'assistant',
					model,
					content: [{ type: 'text', text: 'hi' }],
					stop_reason: 'end_turn',
					stop_sequence: null,
					usage
				}
			}
		});

	it("adds every model's counts over bursts, a missing cache count as 0; an unpriced model has no cost", () => {
		const acc = new TotalsAccumulator().add([
			summarizeLine(answer('claude-3-5-haiku-20241022', { input_tokens: 1, output_tokens: 2 }), 1),
			summarizeLine(
				answer('no-such-model', {
					input_tokens: 10,
					output_tokens: 20,
					cache_creation_input_tokens: 30,
					cache_read_input_tokens: 40
				}),
				2
			)
		]);
		const t = acc
			.add([
				summarizeLine(
					answer('claude-3-5-haiku-20241022', {
						input_tokens: 100,
						output_tokens: 200,
						cache_read_input_tokens: 400
					}),
					3
				)
			])
			.snapshot();
		expect(t).toMatchObject({
			inputTokens: 111,
			outputTokens: 222,
			cacheWriteTokens: 30,
			cacheReadTokens: 440,
			cost: null
		});
		expect(t.counts.succeeded).toBe(3);
	});
});

describe('LineSplitter + ByteStore', () => {
	it.each([7, 64, 100_000])(
		'finds lines split across %i-byte chunks, with byte offsets that cut them out again',
		(size) => {
			const text = `${succeeded}\r\n\n${errored}\n{"custom_id":"é","result":{"type":"expired"}}`;
			const bytes = new TextEncoder().encode(text);
			const store = new ByteStore();
			const seen: [string, number, number, number][] = [];
			const splitter = new LineSplitter((t, line, offset, length) =>
				seen.push([t, line, offset, length])
			);
			for (let i = 0; i < bytes.length; i += size) {
				const chunk = bytes.slice(i, i + size);
				store.append(chunk);
				splitter.push(chunk);
			}
			splitter.end();
			expect(seen.map((s) => s[1])).toEqual([1, 3, 4]);
			expect(seen.map((s) => s[0])).toEqual([
				succeeded,
				errored,
				'{"custom_id":"é","result":{"type":"expired"}}'
			]);
			for (const [t, , offset, length] of seen) expect(store.text(offset, length)).toBe(t);
		}
	);

	it.each([1, 5, 13, 40])(
		"carries on in a second splitter from the first one's state (handed over after %i chunks)",
		(handOverAt) => {
			const text = `${succeeded}\r\n\n${errored}\n{"custom_id":"é","result":{"type":"expired"}}\nlast`;
			const bytes = new TextEncoder().encode(text);
			const seen =
				(into: [string, number, number, number][]) =>
				(t: string, line: number, offset: number, length: number) =>
					into.push([t, line, offset, length]);
			const whole: [string, number, number, number][] = [];
			const one = new LineSplitter(seen(whole));
			const split: [string, number, number, number][] = [];
			let current = new LineSplitter(seen(split));
			for (let i = 0, n = 0; i < bytes.length; i += 7, n++) {
				if (n === handOverAt) current = new LineSplitter(seen(split), current.state());
				one.push(bytes.slice(i, i + 7));
				current.push(bytes.slice(i, i + 7));
			}
			one.end();
			current.end();
			expect(whole.map((s) => s[1])).toEqual([1, 3, 4, 5]);
			expect(split).toEqual(whole);
		}
	);

	it('keeps byte offsets right in an ASCII-only chunk of many lines', () => {
		const text = 'a\n\nbb\r\nccc\nd';
		const seen: [string, number, number, number][] = [];
		const splitter = new LineSplitter((t, line, offset, length) =>
			seen.push([t, line, offset, length])
		);
		splitter.push(new TextEncoder().encode(text));
		splitter.end();
		expect(seen).toEqual([
			['a', 1, 0, 1],
			['bb', 3, 3, 3],
			['ccc', 4, 7, 3],
			['d', 5, 11, 1]
		]);
	});
});
