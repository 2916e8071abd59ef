import { describe, expect, inject, it } from 'vitest';

const post = (body: string, headers: Record<string, string> = {}) =>
	fetch(inject('appUrl') + '/api/v1/messages', {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body
	});

const base = {
	model: 'claude-haiku-4-5-20251001',
	max_tokens: 20,
	messages: [{ role: 'user', content: 'hi' }]
};

describe('bad bodies get a 400 in the API error shape naming the field', () => {
	const cases: [string, string, RegExp][] = [
		[
			'missing max_tokens',
			JSON.stringify({ model: base.model, messages: base.messages }),
			/^max_tokens: /
		],
		['max_tokens as a string', JSON.stringify({ ...base, max_tokens: '20' }), /^max_tokens: /],
		['temperature above 1', JSON.stringify({ ...base, temperature: 1.5 }), /^temperature: /],
		[
			'unknown role',
			JSON.stringify({ ...base, messages: [{ role: 'robot', content: 'x' }] }),
			/^messages\.0\.role: /
		],
		[
			'bad image media type',
			JSON.stringify({
				...base,
				messages: [
					{
						role: 'user',
						content: [
							{ type: 'image', source: { type: 'base64', media_type: 'image/bmp', data: 'AAAA' } }
						]
					}
				]
			}),
			/^messages\.0\.content\.0\.source\.media_type: /
		],
		[
			'bad base64',
			JSON.stringify({
				...base,
				messages: [
					{
						role: 'user',
						content: [
							{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: '***' } }
						]
					}
				]
			}),
			/^messages\.0\.content\.0\.source\.data: /
		],
		['not JSON', '{"model": ', /not valid JSON/],
		['a JSON array', '[1,2]', /must be a JSON object/],
		['empty body', '', /empty/],
		[
			'tool_choice of an unknown type',
			JSON.stringify({ ...base, tool_choice: { type: 'sometimes' } }),
			/^tool_choice/
		]
	];
	it.each(cases)('%s', async (_name, body, message) => {
		const res = await post(body);
		expect(res.status).toBe(400);
		const json = await res.json();
		expect(json.type).toBe('error');
		expect(json.error.type).toBe('invalid_request_error');
		expect(json.error.message).toMatch(message);
	});

	it('passes unknown fields and block types through to the upstream', async () => {
		expect((await post(JSON.stringify({ ...base, brand_new_field: { x: 1 } }))).status).toBe(200);
		// The block reaches the upstream, which judges it: the simulator, like the API, names the unknown tag.
		const res = await post(
			JSON.stringify({
				...base,
				messages: [
					{
						role: 'user',
						content: [
							{ type: 'text', text: 'hi' },
							{ type: 'future_block', payload: 1 }
						]
					}
				]
			})
		);
		expect(res.status).toBe(400);
		expect((await res.json()).error.message).toMatch(
			/^messages\.0\.content\.1: Input tag 'future_block'/
		);
	});

	it('answers an unknown API path with a 404 in the API shape', async () => {
		const res = await fetch(inject('appUrl') + '/api/v1/nothing-here');
		expect(res.status).toBe(404);
		expect((await res.json()).error.type).toBe('not_found_error');
	});

	it('refuses a cross-site POST from a browser', async () => {
		const res = await post(JSON.stringify(base), { origin: 'https://evil.example' });
		expect(res.status).toBe(403);
		expect((await res.json()).error.type).toBe('permission_error');
	});

	it('passes simulator faults through with status, type and retry-after', async () => {
		const res = await post(JSON.stringify(base), { 'x-simulator-fault': 'overloaded' });
		expect(res.status).toBe(529);
		expect(res.headers.get('retry-after')).toBe('1');
		expect(res.headers.get('request-id')).toMatch(/^req_/);
		expect((await res.json()).error.type).toBe('overloaded_error');
	});
});

describe('model lookups', () => {
	it('answers a malformed %-escape with a 4xx (SvelteKit refuses it before routing)', async () => {
		const res = await fetch(inject('appUrl') + '/api/v1/models/%E0%A4%A');
		expect(res.status).toBe(400);
	});

	it.each(['claude-nope', 'a%2Fb', '%F0%9F%98%80'])(
		'answers GET /api/v1/models/%s with a 404 in the API shape',
		async (id) => {
			const res = await fetch(inject('appUrl') + '/api/v1/models/' + id);
			expect(res.status).toBe(404);
			expect((await res.json()).error.type).toBe('not_found_error');
		}
	);
});
