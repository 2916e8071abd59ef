import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUS_CODES } from 'node:http';
import { connect } from 'node:net';
import { startApp, type AppProcess } from '../support/servers';

/**
 * Bad bodies of every kind get a 4xx in the API's error shape, never a 5xx or a crash, and the
 * server keeps serving afterwards.
 */
let app: AppProcess;
beforeAll(async () => {
	app = await startApp({ MAX_BODY_BYTES: String(1024 * 1024) });
});
afterAll(() => app?.stop());

const base = {
	model: 'claude-haiku-4-5-20251001',
	max_tokens: 16,
	messages: [{ role: 'user', content: 'hi' }]
};
const j = (v: unknown) => JSON.stringify(v);
const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

const corpus: [string, string | Uint8Array<ArrayBuffer>][] = [
	['wrong type for model', j({ ...base, model: ['x'] })],
	['wrong type for messages', j({ ...base, messages: 'hi' })],
	['null body', 'null'],
	['a number', '42'],
	['a string', '"hello"'],
	['huge string field', j({ ...base, model: 'x'.repeat(900_000) })],
	[
		'deep nesting in an unknown field',
		`{"model":"claude-haiku-4-5-20251001","max_tokens":5,"messages":[{"role":"user","content":"hi"}],"extra":${deep(5000)}}`
	],
	['deep nesting as the body', deep(100_000)],
	[
		'deep nesting in tool input',
		j({
			...base,
			messages: [
				{ role: 'user', content: 'a' },
				{
					role: 'assistant',
					content: [
						{ type: 'tool_use', id: 't', name: 'n', input: JSON.parse(`{"a":${deep(80)}}`) }
					]
				}
			]
		})
	],
	['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0x6d, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])],
	[
		'bad base64 image',
		j({
			...base,
			messages: [
				{
					role: 'user',
					content: [
						{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: '@@@@' } }
					]
				}
			]
		})
	],
	[
		'image with no data',
		j({
			...base,
			messages: [
				{
					role: 'user',
					content: [
						{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: '' } }
					]
				}
			]
		})
	],
	['unknown role', j({ ...base, messages: [{ role: 'robot', content: 'x' }] })],
	['empty messages', j({ ...base, messages: [] })],
	['empty content array', j({ ...base, messages: [{ role: 'user', content: [] }] })],
	[
		'empty text block',
		j({ ...base, messages: [{ role: 'user', content: [{ type: 'text', text: '' }] }] })
	],
	['over the body size limit (10 MB)', j({ ...base, padding: 'x'.repeat(10 * 1024 * 1024) })],
	['bad JSON', '{"model": "x",'],
	['trailing garbage', j(base) + 'garbage'],
	['negative max_tokens', j({ ...base, max_tokens: -1 })],
	['NaN-like values', '{"model":"claude-haiku-4-5-20251001","max_tokens":NaN,"messages":[]}'],
	['unknown model', j({ ...base, model: 'claude-does-not-exist' })],
	['max_tokens above the model limit', j({ ...base, max_tokens: 10_000_000 })],
	[
		'tool with a bad schema',
		j({ ...base, tools: [{ name: 'x', input_schema: { type: 'string' } }] })
	],
	['tool_choice naming nothing', j({ ...base, tool_choice: { type: 'tool' } })],
	['stop_sequences of numbers', j({ ...base, stop_sequences: [1, 2] })]
];

describe('fuzz corpus against POST /api/v1/messages', () => {
	it.each(corpus)('%s gets a 4xx in the API error shape', async (_name, body) => {
		const res = await fetch(app.url + '/api/v1/messages', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body
		});
		expect(res.status).toBeGreaterThanOrEqual(400);
		expect(res.status).toBeLessThan(500);
		const json = await res.json();
		expect(json.type).toBe('error');
		expect(typeof json.error.type).toBe('string');
		expect(json.error.message.length).toBeGreaterThan(0);
	});

	it('the same corpus against count_tokens never gives a 5xx', async () => {
		for (const [, body] of corpus) {
			const res = await fetch(app.url + '/api/v1/messages/count_tokens', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body
			});
			expect(res.status, String(body).slice(0, 80)).toBeLessThan(500);
		}
	});

	it('treats prototype-pollution keys as plain data: no 5xx, nothing polluted', async () => {
		const body = `{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"model":"claude-haiku-4-5-20251001","max_tokens":5,"messages":[{"role":"user","content":"hi","__proto__":{"role":"assistant"}}]}`;
		const res = await fetch(app.url + '/api/v1/messages', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body
		});
		expect(res.status).toBeLessThan(500);
		expect((await res.json()).polluted).toBeUndefined();
	});

	it('keeps serving after the corpus, and prototype keys did not pollute anything', async () => {
		expect((await fetch(app.url + '/api/health')).status).toBe(200);
		const ok = await fetch(app.url + '/api/v1/messages', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: j(base)
		});
		expect(ok.status).toBe(200);
		const message = await ok.json();
		expect(message.polluted).toBeUndefined();
		expect(app.output()).not.toMatch(/"level":"error"/);
	});
});

/** Every /api route, with ids that do not exist: a wrong method or a bad body is a 4xx, never a 5xx. */
const apiPaths = [
	'/api/v1/messages',
	'/api/v1/messages/count_tokens',
	'/api/v1/messages/batches',
	'/api/v1/messages/batches/msgbatch_nothere',
	'/api/v1/messages/batches/msgbatch_nothere/results',
	'/api/v1/messages/batches/msgbatch_nothere/cancel',
	'/api/v1/files',
	'/api/v1/files/file_nothere',
	'/api/v1/files/file_nothere/content',
	'/api/v1/models',
	'/api/v1/models/claude-nothere',
	'/api/permalinks',
	'/api/permalinks/nothere',
	'/api/prompts',
	'/api/prompts/nothere',
	'/api/prompts/nothere/versions',
	'/api/evaluations',
	'/api/evaluations/nothere',
	'/api/evaluations/nothere/share',
	'/api/usage',
	'/api/batch-index',
	'/api/invites/nothere',
	'/api/health',
	'/api/no-such-route',
	'/api/permalinks/%ff',
	'/api/v1/models/%E0%A4%A'
];
const sweepBodies = ['{', 'null', '[]', '"x"', j({ a: 1 }), j({ requests: 'x', name: 1 })];

describe('every /api route', () => {
	it('answers a method it does not take with a 405 in the API error shape, naming what it takes', async () => {
		const res = await fetch(app.url + '/api/v1/messages', { method: 'PUT', body: j(base) });
		expect(res.status).toBe(405);
		expect(res.headers.get('allow')).toContain('POST');
		const json = await res.json();
		expect(json).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
		expect(json.error.message).toBe('PUT is not allowed on /api/v1/messages. Use POST.');
	});

	it('answers every method and bad body with a 4xx in the API error shape, or a success', async () => {
		const failures: string[] = [];
		for (const path of apiPaths)
			for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])
				for (const body of method === 'GET' || method === 'DELETE' ? [undefined] : sweepBodies) {
					const res = await fetch(app.url + path, {
						method,
						headers: { 'content-type': 'application/json' },
						body
					});
					const text = await res.text();
					if (res.status < 400) continue;
					let shaped = false;
					try {
						const json = JSON.parse(text);
						shaped = json.type === 'error' && typeof json.error?.message === 'string';
					} catch {
						shaped = false;
					}
					if (res.status >= 500 || !shaped)
						failures.push(`${method} ${path} ${body ?? ''} -> ${res.status} ${text.slice(0, 80)}`);
				}
		expect(failures).toEqual([]);
	});
});

/** Sends raw bytes and reads the whole answer (the server closes the connection after it). */
function rawRequest(port: number, bytes: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
		let answer = '';
		socket.setEncoding('utf8');
		socket.on('data', (chunk) => (answer += chunk));
		socket.on('end', () => resolve(answer));
		socket.on('error', reject);
	});
}

describe('requests node:http cannot parse', () => {
	it.each([
		[
			'headers over the size limit',
			`GET /api/health HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`,
			431
		],
		['a malformed request line', 'GET /api/health HTTP/9\r\n\r\n', 400],
		['a header without a colon', 'GET /api/health HTTP/1.1\r\nhost x\r\n\r\n', 400]
	])('%s get a %i in the API error shape', async (_name, bytes, status) => {
		const answer = await rawRequest(Number(new URL(app.url).port), bytes);
		const [head, body] = answer.split('\r\n\r\n');
		expect(head.split('\r\n')[0]).toBe(`HTTP/1.1 ${status} ${STATUS_CODES[status]}`);
		expect(head.toLowerCase()).toContain('content-type: application/json');
		const json = JSON.parse(body);
		expect(json).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
		expect(json.error.message.length).toBeGreaterThan(0);
	});
});
