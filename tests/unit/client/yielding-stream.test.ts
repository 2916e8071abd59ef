import { describe, expect, it } from 'vitest';
import { yieldingStream } from '$lib/client/yielding-stream';

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
	const out: Uint8Array[] = [];
	const reader = stream.getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) return out;
		out.push(value);
	}
}

const source = (chunks: Uint8Array[]) =>
	new ReadableStream<Uint8Array>({
		start(c) {
			chunks.forEach((x) => c.enqueue(x));
			c.close();
		}
	});

describe('yieldingStream', () => {
	it('re-chunks a big body into ≤16 KB pieces with the same bytes, even when it must yield', async () => {
		const big = Uint8Array.from({ length: 100_000 }, (_, i) => i % 251);
		const pieces = await collect(yieldingStream(source([big, big.slice(0, 10)]), undefined, 0));
		expect(pieces.every((p) => p.byteLength <= 16 * 1024)).toBe(true);
		const joined = new Uint8Array(pieces.reduce((n, p) => n + p.byteLength, 0));
		let at = 0;
		for (const p of pieces) joined.set(p, (at += p.byteLength) - p.byteLength);
		expect(joined.byteLength).toBe(100_010);
		expect(joined.slice(0, 100_000)).toEqual(big);
		expect(joined.slice(100_000)).toEqual(big.slice(0, 10));
	});

	it('errors with the abort reason once the signal is aborted', async () => {
		const abort = new AbortController();
		const stream = yieldingStream(source([new Uint8Array(40_000)]), abort.signal, 1_000);
		const reader = stream.getReader();
		await reader.read();
		abort.abort(new Error('stopped'));
		await expect(reader.read()).rejects.toThrow('stopped');
	});
});
