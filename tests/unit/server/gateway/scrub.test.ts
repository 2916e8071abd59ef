import { describe, expect, it } from 'vitest';
import { REDACTED_KEY, scrubStream, scrubText } from '$lib/server/gateway/scrub';

const KEY = 'sk-ant-canary-123';

async function through(chunks: string[], secret = KEY) {
	const source = new ReadableStream<Uint8Array>({
		start(c) {
			for (const s of chunks) c.enqueue(new TextEncoder().encode(s));
			c.close();
		}
	});
	const parts: string[] = [];
	const reader = scrubStream(source, secret).getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		parts.push(new TextDecoder().decode(value));
	}
	return parts;
}

describe('key scrubbing', () => {
	it('replaces the key in text', () => {
		expect(scrubText(`a ${KEY} b ${KEY}`, KEY)).toBe(`a ${REDACTED_KEY} b ${REDACTED_KEY}`);
		expect(scrubText('nothing here', undefined)).toBe('nothing here');
	});

	it('leaves answers alone for a placeholder key too short to be a secret', async () => {
		const json = '{"index":1,"text":"x marks the spot"}';
		expect(scrubText(json, 'x')).toBe(json);
		expect((await through([json], 'x')).join('')).toBe(json);
	});

	it('replaces the key in a stream, at every split of it across chunks', async () => {
		const text = `{"echo":"Bearer ${KEY}","again":"${KEY}"}`;
		for (let cut = 1; cut < text.length; cut++) {
			const out = (await through([text.slice(0, cut), text.slice(cut)])).join('');
			expect(out).toBe(`{"echo":"Bearer ${REDACTED_KEY}","again":"${REDACTED_KEY}"}`);
		}
	});

	it('passes chunks without the key on at once and whole, holding back only a possible key start', async () => {
		expect(await through(['event: a\n\n', 'event: b\n\n'])).toEqual([
			'event: a\n\n',
			'event: b\n\n'
		]);
		expect(await through(['ends with sk-an', 'other'])).toEqual(['ends with ', 'sk-another']);
	});

	it('keeps bytes that are not text unchanged', async () => {
		const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
		const source = new ReadableStream<Uint8Array>({
			start(c) {
				c.enqueue(bytes);
				c.close();
			}
		});
		const reader = scrubStream(source, KEY).getReader();
		const got: number[] = [];
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			got.push(...value);
		}
		expect(got).toEqual([...bytes]);
	});
});
