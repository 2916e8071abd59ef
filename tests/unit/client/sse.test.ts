import { afterEach, describe, expect, it, vi } from 'vitest';
import { readSse, type RawSseEvent } from '$lib/client/sse';

const encode = (s: string) => new TextEncoder().encode(s);

/** A body whose chunks are read one at a time, each released by the test (so times differ). */
function gatedBody(chunks: Uint8Array[]) {
	const opens: (() => void)[] = [];
	const gates = chunks.map(() => new Promise<void>((resolve) => opens.push(resolve)));
	let i = 0;
	const body = new ReadableStream<Uint8Array>({
		async pull(c) {
			if (i === chunks.length) return c.close();
			await gates[i];
			c.enqueue(chunks[i++]);
		}
	});
	return { body, release: (k: number) => opens[k]() };
}

const source = (chunks: Uint8Array[]) =>
	new ReadableStream<Uint8Array>({
		start(c) {
			chunks.forEach((x) => c.enqueue(x));
			c.close();
		}
	});

const sse = (n: number, from = 0) =>
	Array.from({ length: n }, (_, i) => `event: e\ndata: {"n":${from + i}}\n\n`).join('');

afterEach(() => vi.restoreAllMocks());

describe('readSse', () => {
	it('stamps the events of one network chunk with the time that chunk was read', async () => {
		// A clock that moves on every reading: events stamped one by one would all differ.
		let now = 100;
		vi.spyOn(performance, 'now').mockImplementation(() => (now += 1));
		const { body, release } = gatedBody([encode(sse(3)), encode(sse(2, 3))]);
		const events: RawSseEvent[] = [];
		const bytesAt: number[] = [];
		const reading = readSse(body, 40, {
			onEvent: (e) => events.push(e),
			onBytes: (_, at) => bytesAt.push(at)
		});
		release(0);
		await vi.waitFor(() => expect(events).toHaveLength(3));
		now = 175;
		release(1);
		await reading;
		expect(events.map((e) => JSON.parse(e.data).n)).toEqual([0, 1, 2, 3, 4]);
		const [first, second] = bytesAt;
		expect(second).toBeGreaterThan(135);
		expect(events.map((e) => e.at)).toEqual([first, first, first, second, second]);
	});

	it('reads a big buffered body whole when it must yield between pieces, chunks passed on as read', async () => {
		const text = sse(5_000);
		const bytes = encode(text);
		const chunks = [bytes.slice(0, 70_001), bytes.slice(70_001)];
		const events: RawSseEvent[] = [];
		const seen: Uint8Array[] = [];
		// A budget of 0 ms yields before every 16 KB piece but the first.
		await readSse(
			source(chunks),
			0,
			{ onEvent: (e) => events.push(e), onBytes: (c) => seen.push(c) },
			{ budgetMs: 0 }
		);
		expect(events).toHaveLength(5_000);
		expect(events.map((e) => JSON.parse(e.data).n)).toEqual([...Array(5_000).keys()]);
		expect(seen).toEqual(chunks);
	});

	it('keeps a multi-byte character that a 16 KB piece boundary cuts in two', async () => {
		const data = 'é'.repeat(20_000);
		const events: RawSseEvent[] = [];
		await readSse(
			source([encode(`event: t\ndata: ${data}\n\n`)]),
			0,
			{ onEvent: (e) => events.push(e) },
			{ budgetMs: 0 }
		);
		expect(events).toEqual([{ event: 't', data, at: expect.any(Number) }]);
	});

	it('ends with the abort reason when the signal aborted while it yielded', async () => {
		const abort = new AbortController();
		const events: RawSseEvent[] = [];
		const reading = readSse(
			source([encode(sse(2_000))]),
			0,
			{
				onEvent: (e) => {
					events.push(e);
					if (events.length === 1) abort.abort(new Error('stopped'));
				}
			},
			{ budgetMs: 0, signal: abort.signal }
		);
		await expect(reading).rejects.toThrow('stopped');
		expect(events.length).toBeLessThan(2_000);
	});
});
