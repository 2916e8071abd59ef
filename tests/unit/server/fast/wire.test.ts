// The fast path's upstream call follows the SDK: which answers are retried and after how long,
// what an error answer's body becomes, and what a client sees when the upstream cannot answer.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { errorText, retryDelayMs, sendOverWire, shouldRetry } from '$lib/server/fast/wire';
import type { Upstream } from '$lib/server/upstream';

const servers: ReturnType<typeof createServer>[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

async function upstreamAnswering(answers: ((res: ServerResponse) => void)[]) {
	const seen: { headers: IncomingMessage['headers']; body: string }[] = [];
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			seen.push({ headers: req.headers, body: Buffer.concat(chunks).toString() });
			answers[Math.min(seen.length - 1, answers.length - 1)](res);
		});
	});
	servers.push(server);
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const upstream = (maxRetries: number, timeoutMs = 60_000) =>
		({
			kind: 'anthropic',
			maxRetries,
			timeoutMs,
			wire: async (_call: unknown, attempt: number) => ({
				url: url + `/v1/messages?t=${timeoutMs}`,
				headers: { 'x-stainless-retry-count': String(attempt), 'content-type': 'application/json' }
			})
		}) as unknown as Upstream & Required<Pick<Upstream, 'wire'>>;
	return { seen, upstream };
}

/** Each test its own path, so the fast path's cache of built calls never mixes them. */
let n = 0;
const call = () => ({
	method: 'POST' as const,
	path: `/v1/messages/${++n}`,
	headers: {},
	body: '{"a":1}'
});
const overloaded = (res: ServerResponse) => {
	res.writeHead(529, {
		'content-type': 'application/json',
		'retry-after-ms': '1',
		'request-id': 'req_1'
	});
	res.end('{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}');
};

describe('sendOverWire', () => {
	it('retries a 529 as the SDK does and passes the success body on as a stream', async () => {
		const { seen, upstream } = await upstreamAnswering([
			overloaded,
			(res) => {
				res.writeHead(200, {
					'content-type': 'text/event-stream',
					'request-id': 'req_2',
					'set-cookie': 'a=b'
				});
				res.end('event: ping\ndata: {}\n\n');
			}
		]);
		const reply = await sendOverWire(upstream(2), call(), new AbortController().signal);
		expect(reply.status).toBe(200);
		expect(reply.headers['request-id']).toBe('req_2');
		expect(reply.headers['set-cookie']).toBeUndefined();
		const chunks: Buffer[] = [];
		for await (const c of reply.body!) chunks.push(c as Buffer);
		expect(Buffer.concat(chunks).toString()).toBe('event: ping\ndata: {}\n\n');
		expect(seen.map((s) => s.headers['x-stainless-retry-count'])).toEqual(['0', '1']);
		expect(seen.map((s) => s.body)).toEqual(['{"a":1}', '{"a":1}']);
	});

	it('answers the last error in full once retries are spent, with its retry headers', async () => {
		const { seen, upstream } = await upstreamAnswering([overloaded]);
		const reply = await sendOverWire(upstream(1), call(), new AbortController().signal);
		expect(seen).toHaveLength(2);
		expect(reply.status).toBe(529);
		expect(reply.headers['request-id']).toBe('req_1');
		expect(JSON.parse(reply.text!)).toEqual({
			type: 'error',
			error: { type: 'overloaded_error', message: 'Overloaded' }
		});
	});

	it('answers 504 timeout_error when no headers come in time, 502 when nobody listens', async () => {
		const { upstream } = await upstreamAnswering([() => {}]);
		const late = await sendOverWire(upstream(0, 50), call(), new AbortController().signal);
		expect(late.status).toBe(504);
		expect(JSON.parse(late.text!).error.type).toBe('timeout_error');
		const closed = {
			...upstream(0),
			wire: async () => ({ url: 'http://127.0.0.1:1/v1/messages', headers: {} })
		};
		const gone = await sendOverWire(closed, call(), new AbortController().signal);
		expect(gone.status).toBe(502);
		expect(JSON.parse(gone.text!).error.message).toBe('Could not reach the upstream API.');
	});

	it('sends Host, the length and (for a URL with credentials) Basic auth as node would', async () => {
		const { seen, upstream } = await upstreamAnswering([
			(res) => {
				// Two of one header arrive as one value, joined as Headers would join them.
				res.setHeader('anthropic-ratelimit-requests-limit', ['1', '2']);
				res.writeHead(200, { 'content-type': 'application/json', 'x-internal': 'no' });
				res.end('{}');
			}
		]);
		const base = upstream(0);
		const withUser = {
			...base,
			wire: async (c: never, attempt: number) => {
				const wire = await base.wire(c, attempt);
				return { ...wire, url: wire.url.replace('http://', 'http://us%40er:p%3Ass@') };
			}
		};
		const reply = await sendOverWire(withUser, call(), new AbortController().signal);
		expect(seen[0].headers.host).toMatch(/^127\.0\.0\.1:\d+$/);
		expect(seen[0].headers['content-length']).toBe('7');
		expect(seen[0].headers.authorization).toBe(
			`Basic ${Buffer.from('us@er:p:ss').toString('base64')}`
		);
		expect(seen[0].headers['x-stainless-retry-count']).toBe('0');
		expect(reply.headers).toEqual({
			'anthropic-ratelimit-requests-limit': '1, 2',
			'content-type': 'application/json'
		});
		reply.body!.resume();
	});

	it('throws when the caller aborts, and the upstream sees the request closed', async () => {
		let closed = false;
		let answered = false;
		const { upstream } = await upstreamAnswering([
			(res) => {
				answered = true;
				res.on('close', () => (closed = true));
			}
		]);
		const abort = new AbortController();
		const pending = sendOverWire(upstream(0), call(), abort.signal);
		await expect.poll(() => answered).toBe(true);
		abort.abort();
		await expect(pending).rejects.toThrow();
		await expect.poll(() => closed).toBe(true);
	});
});

describe('the SDK rules', () => {
	it('retries what the SDK retries, and obeys x-should-retry', () => {
		for (const status of [408, 409, 429, 500, 529]) expect(shouldRetry(status, {})).toBe(true);
		for (const status of [400, 401, 403, 404, 413]) expect(shouldRetry(status, {})).toBe(false);
		expect(shouldRetry(529, { 'x-should-retry': 'false' })).toBe(false);
		expect(shouldRetry(400, { 'x-should-retry': 'true' })).toBe(true);
	});

	it("waits what the server says when sane, else the SDK's backoff with jitter", () => {
		expect(retryDelayMs({ 'retry-after-ms': '250' }, 0)).toBe(250);
		expect(retryDelayMs({ 'retry-after': '2' }, 0)).toBe(2000);
		expect(retryDelayMs({ 'retry-after': '-1' }, 1, () => 0)).toBe(1000);
		expect(retryDelayMs(undefined, 0, () => 0)).toBe(500);
		expect(retryDelayMs(undefined, 10, () => 1)).toBe(6000);
	});

	it('gives an error body as the SDK-based route does: JSON re-serialized, else wrapped', () => {
		expect(errorText(429, '{ "type": "error" }')).toBe('{"type":"error"}');
		expect(JSON.parse(errorText(502, '<html>bad gateway</html>'))).toEqual({
			type: 'error',
			error: { type: 'api_error', message: '502 <html>bad gateway</html>' }
		});
		expect(JSON.parse(errorText(503, '')).error.message).toBe('503 status code (no body)');
	});
});
