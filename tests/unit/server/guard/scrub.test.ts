import { describe, expect, it } from 'vitest';
import { byteScrubber, scrubHeaders, scrubText } from '$lib/server/guard/scrub';

const KEY = 'sk-ant-canary-DO-NOT-LEAK-7f3a9c2e41b8';
const enc = new TextEncoder();
const dec = (parts: Uint8Array[]) => Buffer.concat(parts.map((p) => Buffer.from(p))).toString();

describe('scrubbing the server key from upstream answers', () => {
	it('replaces the key in a stream even when it is split across chunks', () => {
		const s = byteScrubber([KEY]);
		const text = `data: {"echo":"${KEY}"}\n\n`;
		const cut = text.indexOf(KEY) + 10;
		const out = [s.push(enc.encode(text.slice(0, cut))), s.push(enc.encode(text.slice(cut))), s.end()];
		expect(dec(out)).toBe('data: {"echo":"[redacted]"}\n\n');
	});

	it('holds nothing back when a chunk cannot be the start of the key (SSE events are not delayed)', () => {
		const s = byteScrubber([KEY]);
		expect(dec([s.push(enc.encode('event: ping\ndata: {}\n\n'))])).toBe('event: ping\ndata: {}\n\n');
	});

	it('drops headers carrying the key and scrubs text', () => {
		const h = new Headers({ 'x-echo': `key=${KEY}`, 'content-type': 'application/json' });
		expect([...scrubHeaders(h, [KEY]).keys()]).toEqual(['content-type']);
		expect(scrubText(`bad key ${KEY}!`, [KEY])).toBe('bad key [redacted]!');
	});
});
