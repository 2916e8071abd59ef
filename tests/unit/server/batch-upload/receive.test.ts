import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '$lib/server/config';
import { checkInPlace, readBodyBytes, receiveBatch } from '$lib/server/batch-upload/receive';
import { HttpProblem } from '$lib/server/http';

const request = (id: string) => ({
	custom_id: id,
	params: {
		model: 'claude-haiku-4-5-20251001',
		max_tokens: 100,
		messages: [{ role: 'user', content: 'word '.repeat(40) }]
	}
});
const config = (env: Record<string, string> = {}) =>
	loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'receive-')), ...env });
const post = (body: string) => new Request('http://x/', { method: 'POST', body });

describe('receiving a batch create body', () => {
	it('checks a body and hands back the same bytes', async () => {
		const text = JSON.stringify({ requests: [request('a'), request('b')] });
		const received = await receiveBatch(post(text), config());
		expect(received.requests).toBe(2);
		expect(Buffer.from(received.body as Uint8Array).toString()).toBe(text);
		await received.dispose();
	});

	it('runs the configured policy on every request', async () => {
		const text = JSON.stringify({ requests: [request('a')] });
		const e = await receiveBatch(post(text), config({ MODEL_ALLOWLIST: 'claude-opus-4-1' })).catch(
			(x) => x
		);
		expect(e).toBeInstanceOf(HttpProblem);
		expect(e.message).toMatch(
			/^requests\.0\.params\.model: claude-haiku-4-5-20251001 is not allowed/
		);
	});

	it('refuses a body over the batch cap with a 413', async () => {
		const text = JSON.stringify({ requests: ['a', 'b', 'c', 'd'].map((id) => request(id)) });
		expect(text.length).toBeGreaterThan(1024);
		const e = await receiveBatch(post(text), config({ MAX_BATCH_BODY_BYTES: '1024' })).catch(
			(x) => x
		);
		expect(e.status).toBe(413);
		expect(e.type).toBe('request_too_large');
	});

	it('lets the event loop turn while it checks a large body in place', async () => {
		const body = new Uint8Array(
			Buffer.from(
				JSON.stringify({ requests: Array.from({ length: 20_000 }, (_, i) => request(`r${i}`)) })
			)
		);
		expect(body.length).toBeGreaterThan(6 * 1024 * 1024);
		let turns = 0;
		let on = true;
		const tick = () => {
			turns++;
			if (on) setImmediate(tick);
		};
		setImmediate(tick);
		const checked = await checkInPlace(body, config());
		on = false;
		expect(checked.requests).toBe(20_000);
		expect(turns).toBeGreaterThan(3);
	});

	it('reads a body into one buffer and refuses one over the cap', async () => {
		const ok = await readBodyBytes(post('abc'), 10);
		expect(Buffer.from(ok).toString()).toBe('abc');
		expect((await readBodyBytes(post('x'.repeat(11)), 10).catch((e) => e)).status).toBe(413);
	});
});
