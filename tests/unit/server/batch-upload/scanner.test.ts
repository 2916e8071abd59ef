import { describe, expect, it } from 'vitest';
import { batchScanner, type RequestCheck } from '$lib/server/batch-upload/scanner';
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
const MB = 1024 * 1024;

/** Feeds the body in pieces of `size` bytes (1 splits every character and token). */
function scan(body: Uint8Array, check: RequestCheck = () => {}, size = body.length, max = 32 * MB) {
	const scanner = batchScanner(check, max);
	for (let at = 0; at < body.length; at += size) scanner.push(body.subarray(at, at + size));
	return scanner.end();
}
const problem = (fn: () => unknown) => {
	try {
		fn();
	} catch (e) {
		expect(e).toBeInstanceOf(HttpProblem);
		return (e as HttpProblem).message;
	}
	throw new Error('expected a refusal');
};

describe('checking a batch body as it arrives', () => {
	it('counts the requests, sums their worst case and runs the policy on each', () => {
		const body = bytes({
			requests: [request('a'), request('b', 'a longer prompt about Paris')],
			note: ['x', { y: 1 }]
		});
		const seen: string[] = [];
		const summary = scan(body, (params, i) => seen.push(`${i}:${params.model}`));
		expect(summary.requests).toBe(2);
		expect(seen).toEqual(['0:claude-haiku-4-5-20251001', '1:claude-haiku-4-5-20251001']);
		expect(summary.worstCaseTokens).toBeGreaterThan(200);
	});

	it('gives the same answer however the body is cut into chunks', () => {
		const body = bytes({
			model_note: 'requests [ { } ] "quoted" \\ ünïcödé ✓ 𝄞',
			requests: [
				request('a', 'Ünïcödé in a prompt: ✓ 𝄞 and "quotes" \\ and } ] braces'),
				request('b', 'x'.repeat(300)),
				request('c')
			]
		});
		const whole = scan(body);
		for (const size of [1, 2, 3, 7, 64, 333]) expect(scan(body, () => {}, size)).toEqual(whole);
		expect(whole.requests).toBe(3);
	});

	it('names what is wrong, with the path of the request, whatever the chunk size', () => {
		for (const size of [1, 5, 4096]) {
			const at = (body: Uint8Array) => problem(() => scan(body, () => {}, size));
			expect(at(bytes({ requests: [request('a'), request('a')] }))).toBe(
				'requests.1.custom_id: duplicate custom_id "a"'
			);
			expect(at(bytes({ requests: [request('a'), request('b', 'x', { stream: true })] }))).toMatch(
				/^requests\.1\.params\.stream: /
			);
			expect(at(bytes({ requests: [request('a'), { custom_id: 'b', params: {} }] }))).toMatch(
				/^requests\.1\.params\.model: /
			);
			expect(at(bytes({ requests: [] }))).toBe('requests: requests must not be empty');
			expect(at(bytes({ other: 1 }))).toMatch(/^requests: /);
			expect(at(bytes('[1,2]'))).toBe('request body must be a JSON object');
			expect(at(bytes('   '))).toBe('request body is empty; expected a JSON object');
			expect(at(bytes('{"requests":[{"custom_id":"a"'))).toMatch(/ends too early/);
			expect(at(bytes('{"requests":[1]}'))).toBe('requests.0: must be an object');
			expect(at(bytes('{"requests":["a"]}'))).toBe('requests.0: must be an object');
			expect(at(bytes('{"requests":[{"custom_id":"a",}]}'))).toBe('requests.0: not valid JSON');
			expect(at(bytes(JSON.stringify({ requests: [request('a')] }) + ' x'))).toBe(
				'request body is not valid JSON: text after the object'
			);
			expect(at(new Uint8Array([0x7b, 0xff, 0x7d]))).toBe('request body is not valid UTF-8');
			// A character cut off at the very end.
			expect(at(new Uint8Array([...bytes('{"note":"'), 0xe2, 0x9c]))).toBe(
				'request body is not valid UTF-8'
			);
		}
	});

	it('refuses a request past the per-request cap without keeping the rest of it', () => {
		const body = bytes({ requests: [request('a'), request('b', 'y'.repeat(5000))] });
		expect(problem(() => scan(body, () => {}, 1000, 4000))).toBe(
			'requests.1: a request in a batch may be at most 4000 bytes'
		);
		expect(problem(() => scan(body, () => {}, body.length, 4000))).toBe(
			'requests.1: a request in a batch may be at most 4000 bytes'
		);
	});

	it('passes policy refusals through', () => {
		const refuse = () => {
			throw new HttpProblem('permission_error', 'requests.0.params.model: not allowed');
		};
		expect(problem(() => scan(bytes({ requests: [request('a')] }), refuse))).toBe(
			'requests.0.params.model: not allowed'
		);
	});

	it('stops at the first bad request, before reading the rest', () => {
		const scanner = batchScanner(() => {}, MB);
		scanner.push(bytes('{"requests":[' + JSON.stringify(request('a')) + ','));
		expect(problem(() => scanner.push(bytes('{"custom_id":"a b","params":{}},')))).toMatch(
			/^requests\.1\.custom_id: /
		);
	});
});
