import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	BatchResultLineSchema,
	MessageBatchSchema,
	type BatchResultLine,
	type MessageBatch,
	type RequestCounts
} from '../../../../src/lib/schemas';
import { createSimulator, type Simulator } from '../../../../src/lib/server/simulator/app';

const ORIGIN = 'http://sim.test:4010';
const T0 = Date.UTC(2024, 11, 1, 10, 0, 0);
const params = (content: string, over: Record<string, unknown> = {}) => ({
	model: 'claude-haiku-4-5-20251001',
	max_tokens: 50,
	messages: [{ role: 'user', content }],
	...over
});

let dataDir: string;
let now: number;
const simulator = (over: { maxBatchBodyBytes?: number } = {}) =>
	createSimulator({
		tokensPerSecond: 0,
		seed: 'unit',
		dataDir,
		batchSecondsPerRequest: 1,
		now: () => now,
		...over
	});

function call(sim: Simulator, method: string, path: string, body?: unknown): Promise<Response> {
	return sim.fetch(
		new Request(ORIGIN + path, {
			method,
			headers: {
				'x-api-key': 'k',
				'anthropic-version': '2023-06-01',
				'content-type': 'application/json'
			},
			body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
		})
	);
}

async function batch(
	sim: Simulator,
	method: string,
	path: string,
	body?: unknown
): Promise<MessageBatch> {
	const res = await call(sim, method, path, body);
	expect(res.status).toBe(200);
	return MessageBatchSchema.parse(await res.json());
}

async function resultLines(
	sim: Simulator,
	id: string
): Promise<{ text: string; lines: BatchResultLine[] }> {
	const res = await call(sim, 'GET', `/v1/messages/batches/${id}/results`);
	expect(res.status).toBe(200);
	expect(res.headers.get('content-type')).toBe('application/x-jsonl');
	const text = await res.text();
	return {
		text,
		lines: text
			.trimEnd()
			.split('\n')
			.map((l) => BatchResultLineSchema.parse(JSON.parse(l)))
	};
}

const sum = (c: RequestCounts) => c.processing + c.succeeded + c.errored + c.canceled + c.expired;

beforeEach(() => {
	dataDir = mkdtempSync(join(tmpdir(), 'batches-unit-'));
	now = T0;
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('simulated Message Batches', () => {
	const requests = [
		{ custom_id: 'ok-1', params: params('first') },
		{ custom_id: 'bad-model', params: params('second', { model: 'claude-9-nonexistent' }) },
		{ custom_id: 'ok-2', params: params('third') },
		{ custom_id: 'too-long', params: params('fourth', { max_tokens: 999_999 }) }
	];

	it('runs a batch from create to results, counting requests as they finish', async () => {
		const sim = simulator();
		const created = await batch(sim, 'POST', '/v1/messages/batches', { requests });
		expect(created.id).toMatch(/^msgbatch_01[A-Za-z0-9]{22}$/);
		expect(created.processing_status).toBe('in_progress');
		expect(created.request_counts).toEqual({
			processing: 4,
			succeeded: 0,
			errored: 0,
			canceled: 0,
			expired: 0
		});

		now = T0 + 2_000;
		const halfway = await batch(sim, 'GET', `/v1/messages/batches/${created.id}?beta=true`);
		expect(halfway.request_counts).toEqual({
			processing: 2,
			succeeded: 1,
			errored: 1,
			canceled: 0,
			expired: 0
		});
		const early = await call(sim, 'GET', `/v1/messages/batches/${created.id}/results`);
		expect(early.status).toBe(400);
		expect((await early.json()).error.type).toBe('invalid_request_error');

		now = T0 + 4_000;
		const ended = await batch(sim, 'GET', `/v1/messages/batches/${created.id}`);
		expect(ended).toMatchObject({
			processing_status: 'ended',
			ended_at: '2024-12-01T10:00:04.000000+00:00'
		});
		expect(ended.request_counts).toEqual({
			processing: 0,
			succeeded: 2,
			errored: 2,
			canceled: 0,
			expired: 0
		});
		expect(ended.results_url).toBe(`${ORIGIN}/v1/messages/batches/${created.id}/results`);

		const { text, lines } = await resultLines(sim, created.id);
		expect(text).not.toMatch(/\n\n/);
		expect(text.endsWith('\n')).toBe(true);
		const byId = Object.fromEntries(lines.map((l) => [l.custom_id, l.result]));
		expect(Object.keys(byId).sort()).toEqual(['bad-model', 'ok-1', 'ok-2', 'too-long']);
		expect(byId['bad-model']).toEqual({
			type: 'errored',
			error: {
				type: 'error',
				error: { type: 'not_found_error', message: 'model: claude-9-nonexistent' },
				request_id: null
			}
		});
		expect(byId['too-long']).toMatchObject({
			type: 'errored',
			error: { error: { type: 'invalid_request_error' } }
		});
		// A batch answer is the answer /v1/messages gives for the same params, on the batch tier.
		const direct = await (await call(sim, 'POST', '/v1/messages', requests[0].params)).json();
		expect(byId['ok-1']).toEqual({
			type: 'succeeded',
			message: { ...direct, usage: { ...direct.usage, service_tier: 'batch' } }
		});
		// Results are stable between downloads.
		expect((await resultLines(sim, created.id)).text).toBe(text);
	});

	it('cancels: canceling, then ended with unfinished requests canceled', async () => {
		const sim = simulator();
		const created = await batch(sim, 'POST', '/v1/messages/batches', { requests });
		now = T0 + 1_500;
		const canceling = await batch(
			sim,
			'POST',
			`/v1/messages/batches/${created.id}/cancel?beta=true`
		);
		expect(canceling.processing_status).toBe('canceling');
		expect(canceling.cancel_initiated_at).toBe('2024-12-01T10:00:01.500000+00:00');
		expect(sum(canceling.request_counts)).toBe(4);
		const deleting = await call(sim, 'DELETE', `/v1/messages/batches/${created.id}`);
		expect(deleting.status).toBe(400);

		now = T0 + 60_000;
		const ended = await batch(sim, 'GET', `/v1/messages/batches/${created.id}`);
		expect(ended.processing_status).toBe('ended');
		expect(ended.request_counts).toEqual({
			processing: 0,
			succeeded: 1,
			errored: 0,
			canceled: 3,
			expired: 0
		});
		const { lines } = await resultLines(sim, created.id);
		expect(lines.map((l) => l.result.type)).toEqual([
			'succeeded',
			'canceled',
			'canceled',
			'canceled'
		]);
		const again = await call(sim, 'POST', `/v1/messages/batches/${created.id}/cancel`);
		expect(again.status).toBe(400);
	});

	it('keeps batches across a restart on the same data folder, and deletes ended ones', async () => {
		const created = await batch(simulator(), 'POST', '/v1/messages/batches', { requests });
		now = T0 + 1_000;
		await batch(simulator(), 'POST', `/v1/messages/batches/${created.id}/cancel`);
		now = T0 + 10_000;
		const restarted = simulator();
		const ended = await batch(restarted, 'GET', `/v1/messages/batches/${created.id}`);
		expect(ended.request_counts).toMatchObject({ succeeded: 1, canceled: 3 });
		expect(ended.cancel_initiated_at).toBe('2024-12-01T10:00:01.000000+00:00');
		const deleted = await call(restarted, 'DELETE', `/v1/messages/batches/${created.id}`);
		expect(await deleted.json()).toEqual({ id: created.id, type: 'message_batch_deleted' });
		expect((await call(simulator(), 'GET', `/v1/messages/batches/${created.id}`)).status).toBe(404);
	});

	it('lists newest first with cursor pagination', async () => {
		const sim = simulator();
		const ids: string[] = [];
		for (let i = 0; i < 5; i++) {
			now = T0 + i * 1000;
			ids.push((await batch(sim, 'POST', '/v1/messages/batches', { requests: [requests[0]] })).id);
		}
		const newestFirst = [...ids].reverse();
		const page1 = await (await call(sim, 'GET', '/v1/messages/batches?limit=2')).json();
		expect(page1).toMatchObject({
			has_more: true,
			first_id: newestFirst[0],
			last_id: newestFirst[1]
		});
		const page2 = await (
			await call(sim, 'GET', `/v1/messages/batches?limit=2&after_id=${page1.last_id}`)
		).json();
		expect(page2.data.map((b: MessageBatch) => b.id)).toEqual(newestFirst.slice(2, 4));
		const page3 = await (
			await call(sim, 'GET', `/v1/messages/batches?limit=2&after_id=${page2.last_id}`)
		).json();
		expect(page3).toMatchObject({
			has_more: false,
			first_id: newestFirst[4],
			last_id: newestFirst[4]
		});
		const back = await (
			await call(sim, 'GET', `/v1/messages/batches?limit=2&before_id=${newestFirst[2]}`)
		).json();
		expect(back.data.map((b: MessageBatch) => b.id)).toEqual(newestFirst.slice(0, 2));
		const bad = await call(sim, 'GET', '/v1/messages/batches?limit=0');
		expect(bad.status).toBe(400);
	});

	it('answers unknown ids with 404 not_found_error on every path', async () => {
		const sim = simulator();
		for (const [method, path] of [
			['GET', '/v1/messages/batches/msgbatch_01nope'],
			['GET', '/v1/messages/batches/msgbatch_01nope/results'],
			['POST', '/v1/messages/batches/msgbatch_01nope/cancel'],
			['DELETE', '/v1/messages/batches/msgbatch_01nope'],
			['GET', '/v1/messages/batches/..%2F..%2Fetc'],
			['GET', '/v1/messages/batches/%E0%A4%A']
		]) {
			const res = await call(sim, method, path);
			expect(res.status, path).toBe(404);
			expect((await res.json()).error.type).toBe('not_found_error');
		}
	});

	describe('rejects a malformed create with a 4xx naming the problem', () => {
		const cases: [string, unknown, number, RegExp][] = [
			['not JSON', '{"requests": [', 400, /not valid JSON/],
			['no requests', { requests: [] }, 400, /^requests: /],
			['duplicate custom_id', { requests: [requests[0], requests[0]] }, 400, /duplicate custom_id/],
			[
				'custom_id with a space',
				{ requests: [{ ...requests[0], custom_id: 'a b' }] },
				400,
				/^requests\.0\.custom_id: /
			],
			[
				'custom_id too long',
				{ requests: [{ ...requests[0], custom_id: 'x'.repeat(65) }] },
				400,
				/^requests\.0\.custom_id: /
			],
			[
				'stream: true',
				{ requests: [{ custom_id: 'a', params: params('x', { stream: true }) }] },
				400,
				/stream/
			],
			['params missing', { requests: [{ custom_id: 'a' }] }, 400, /^requests\.0\.params: /],
			[
				'more than 100,000 requests',
				{
					requests: Array.from({ length: 100_001 }, (_, i) => ({
						custom_id: `r${i}`,
						params: requests[0].params
					}))
				},
				400,
				/at most 100000/
			]
		];
		it.each(cases)('%s', async (_name, body, status, message) => {
			const res = await call(simulator(), 'POST', '/v1/messages/batches', body);
			expect(res.status).toBe(status);
			const json = await res.json();
			expect(json.type).toBe('error');
			expect(json.error.message).toMatch(message);
		});

		it('over the body cap: 413 request_too_large', async () => {
			const res = await call(
				simulator({ maxBatchBodyBytes: 2048 }),
				'POST',
				'/v1/messages/batches',
				{
					requests: Array.from({ length: 50 }, (_, i) => ({
						custom_id: `r${i}`,
						params: requests[0].params
					}))
				}
			);
			expect(res.status).toBe(413);
			expect((await res.json()).error.type).toBe('request_too_large');
		});
	});

	it('streams the results of a large batch, one line per request and no blank lines', async () => {
		const sim = createSimulator({
			tokensPerSecond: 0,
			seed: 'unit',
			dataDir,
			batchSecondsPerRequest: 0
		});
		const count = 5_000;
		const created = await batch(sim, 'POST', '/v1/messages/batches', {
			requests: Array.from({ length: count }, (_, i) => ({
				custom_id: `row-${i}`,
				params: params(`question ${i}`)
			}))
		});
		expect(created.processing_status).toBe('ended');
		const res = await call(sim, 'GET', `/v1/messages/batches/${created.id}/results`);
		const reader = res.body!.getReader();
		let chunks = 0;
		let text = '';
		const decoder = new TextDecoder();
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			chunks++;
			text += decoder.decode(value, { stream: true });
		}
		// Produced bit by bit, not as one buffered body.
		expect(chunks).toBeGreaterThan(10);
		const lines = text.split('\n');
		expect(lines.pop()).toBe('');
		expect(lines).toHaveLength(count);
		expect(lines.every((l) => l.length > 0 && JSON.parse(l).result.type === 'succeeded')).toBe(
			true
		);
	});
});
