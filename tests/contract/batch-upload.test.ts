import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppProcess } from '../support/servers';

/**
 * Batch creates over 1 MB are checked in a worker thread and spooled to DATA_DIR as they
 * arrive (src/lib/server/batch-upload): the same answers as a small body checked in place,
 * every 4xx naming the request at fault, and no spool file left behind.
 */
const proxy = { TRUSTED_USER_HEADER: 'x-forwarded-user', TRUSTED_PROXIES: '127.0.0.1' };
const MB = 1024 * 1024;
const request = (i: number, extra: Record<string, unknown> = {}) => ({
	custom_id: `r${i}`,
	params: {
		model: 'claude-haiku-4-5-20251001',
		max_tokens: 16,
		messages: [{ role: 'user', content: `Question ${i} about Paris: ${'word '.repeat(200)}` }],
		...extra
	}
});
/** About `mb` MB of requests; `bad` replaces one of them. */
function batch(mb: number, bad?: { at: number; request: unknown }) {
	const n = Math.ceil((mb * MB) / JSON.stringify(request(0)).length);
	const requests: unknown[] = Array.from({ length: n }, (_, i) => request(i));
	if (bad) requests[bad.at < 0 ? n + bad.at : bad.at] = bad.request;
	return { n, text: JSON.stringify({ requests }) };
}
const create = (a: AppProcess, body: BodyInit, extra: RequestInit = {}) =>
	fetch(`${a.url}/api/v1/messages/batches`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-forwarded-user': 'ada' },
		body,
		...extra
	});
/** A body sent chunked, without a content-length (so its size is known only as it arrives). */
const chunked = (text: string) => {
	const bytes = new TextEncoder().encode(text);
	let at = 0;
	return new ReadableStream<Uint8Array>({
		pull(c) {
			if (at >= bytes.length) return c.close();
			c.enqueue(bytes.subarray(at, at + 256 * 1024));
			at += 256 * 1024;
		}
	});
};
const spooled = (dir: string) => {
	try {
		return readdirSync(join(dir, 'uploads'));
	} catch {
		return [];
	}
};

let app: AppProcess;
let capped: AppProcess;
const dir = mkdtempSync(join(tmpdir(), 'batch-upload-'));
beforeAll(async () => {
	[app, capped] = await Promise.all([
		startApp({ ...proxy, DATA_DIR: dir, MODEL_ALLOWLIST: 'claude-haiku-4-5-20251001' }),
		startApp({ ...proxy, MAX_BATCH_BODY_BYTES: String(2 * MB) })
	]);
});
afterAll(async () => {
	await Promise.all([app?.stop(), capped?.stop()]);
});

describe('a large batch upload', () => {
	it('is checked off the main thread and created with every request', async () => {
		const { n, text } = batch(3);
		const res = await create(app, text);
		expect(res.status).toBe(200);
		const created = await res.json();
		expect(created.type).toBe('message_batch');
		const counts = created.request_counts;
		expect(counts.processing + counts.succeeded + counts.errored).toBe(n);
		// It went through the worker's spool (a small body is checked in place, in memory).
		expect(existsSync(join(dir, 'uploads'))).toBe(true);
		expect(spooled(dir)).toEqual([]);
	}, 60_000);

	it('sent chunked, without a declared length, is checked the same way', async () => {
		const { n, text } = batch(2);
		const res = await create(app, chunked(text), { duplex: 'half' } as RequestInit);
		expect(res.status).toBe(200);
		const counts = (await res.json()).request_counts;
		expect(counts.processing + counts.succeeded + counts.errored).toBe(n);
	}, 60_000);

	it('names the bad request deep inside it, and keeps nothing', async () => {
		const { n, text } = batch(3, { at: -3, request: request(7, { max_tokens: 'lots' }) });
		const res = await create(app, text);
		expect(res.status).toBe(400);
		const error = await res.json();
		expect(error.type).toBe('error');
		expect(error.error.type).toBe('invalid_request_error');
		expect(error.error.message).toMatch(new RegExp(`^requests\\.${n - 3}\\.params\\.max_tokens: `));
		const dup = batch(2, { at: 500, request: request(3) });
		expect((await (await create(app, dup.text)).json()).error.message).toBe(
			'requests.500.custom_id: duplicate custom_id "r3"'
		);
		expect(spooled(dir)).toEqual([]);
	}, 60_000);

	it('applies the team policy to every request, with its path', async () => {
		const { text } = batch(2, { at: 1200, request: request(1200, { model: 'claude-opus-4-1' }) });
		const res = await create(app, text);
		expect(res.status).toBe(403);
		expect((await res.json()).error).toMatchObject({
			type: 'permission_error',
			message: expect.stringMatching(
				/^requests\.1200\.params\.model: claude-opus-4-1 is not allowed/
			)
		});
	}, 60_000);

	it('past MAX_BATCH_BODY_BYTES gets a 413, declared or not', async () => {
		const { text } = batch(3);
		const declared = await create(capped, text);
		expect(declared.status).toBe(413);
		expect((await declared.json()).error.type).toBe('request_too_large');
		const counted = await create(capped, chunked(text), { duplex: 'half' } as RequestInit).catch(
			(e: Error) => e
		);
		// Counted as it arrives: either the 413 in the API's shape, or the connection cut at the cap.
		if (counted instanceof Response) expect(counted.status).toBe(413);
		else expect(counted).toBeInstanceOf(Error);
		expect((await fetch(`${capped.url}/api/health`)).status).toBe(200);
	}, 60_000);
});
