import { describe, expect, it } from 'vitest';
import { checkBatchBody, readBodyBytes } from '$lib/server/guard/batch-body';
import { HttpProblem } from '$lib/server/http';

const request = (id: string, content = 'hello', extra: Record<string, unknown> = {}) => ({
	custom_id: id,
	params: {
		model: 'claude-haiku-4-5-20251001',
		max_tokens: 100,
		messages: [{ role: 'user', content }],
		...extra
	}
});
const bytes = (value: unknown) =>
	new Uint8Array(Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)));
const problem = async (p: Promise<unknown>) => {
	const e = await p.catch((x) => x);
	expect(e).toBeInstanceOf(HttpProblem);
	return (e as HttpProblem).message;
};

describe('checking a batch body a slice at a time', () => {
	it('counts the requests, sums their worst case and keeps the bytes as they came', async () => {
		const body = bytes({
			requests: [request('a'), request('b', 'a longer prompt about Paris')],
			note: ['x', { y: 1 }]
		});
		const seen: string[] = [];
		const checked = await checkBatchBody(body, (params, i) => seen.push(`${i}:${params.model}`));
		expect(checked.requests).toBe(2);
		expect(checked.bytes).toBe(body);
		expect(seen).toEqual(['0:claude-haiku-4-5-20251001', '1:claude-haiku-4-5-20251001']);
		expect(checked.worstCaseTokens).toBeGreaterThan(200);
	});

	it('names what is wrong, with the path of the request', async () => {
		expect(
			await problem(checkBatchBody(bytes({ requests: [request('a'), request('a')] }), () => {}))
		).toBe('requests.1.custom_id: duplicate custom_id "a"');
		expect(
			await problem(
				checkBatchBody(
					bytes({ requests: [request('a'), request('b', 'x', { stream: true })] }),
					() => {}
				)
			)
		).toMatch(/^requests\.1\.params\.stream: /);
		expect(await problem(checkBatchBody(bytes({ requests: [] }), () => {}))).toBe(
			'requests: requests must not be empty'
		);
		expect(await problem(checkBatchBody(bytes({ other: 1 }), () => {}))).toMatch(/^requests: /);
		expect(await problem(checkBatchBody(bytes('[1,2]'), () => {}))).toBe(
			'request body must be a JSON object'
		);
		expect(await problem(checkBatchBody(bytes('{"requests":[{"custom_id":"a"'), () => {}))).toMatch(
			/ends too early/
		);
		expect(await problem(checkBatchBody(bytes('{"requests":[1]}'), () => {}))).toBe(
			'requests.0: must be an object'
		);
		expect(await problem(checkBatchBody(new Uint8Array([0x7b, 0xff, 0x7d]), () => {}))).toBe(
			'request body is not valid UTF-8'
		);
	});

	it('passes policy refusals through', async () => {
		const refuse = () => {
			throw new HttpProblem('permission_error', 'requests.0.params.model: not allowed');
		};
		expect(await problem(checkBatchBody(bytes({ requests: [request('a')] }), refuse))).toBe(
			'requests.0.params.model: not allowed'
		);
	});

	it('lets the event loop turn while it checks a large body', async () => {
		const many = {
			requests: Array.from({ length: 20_000 }, (_, i) => request(`r${i}`, 'word '.repeat(40)))
		};
		const body = bytes(many);
		expect(body.length).toBeGreaterThan(6 * 1024 * 1024);
		let turns = 0;
		let on = true;
		const tick = () => {
			turns++;
			if (on) setImmediate(tick);
		};
		setImmediate(tick);
		const checked = await checkBatchBody(body, () => {});
		on = false;
		expect(checked.requests).toBe(20_000);
		expect(turns).toBeGreaterThan(3);
	});

	it('reads a body into one buffer and refuses one over the cap', async () => {
		const ok = await readBodyBytes(new Request('http://x/', { method: 'POST', body: 'abc' }), 10);
		expect(Buffer.from(ok).toString()).toBe('abc');
		const over = new Request('http://x/', { method: 'POST', body: 'x'.repeat(11) });
		expect((await readBodyBytes(over, 10).catch((e) => e)).status).toBe(413);
	});
});
