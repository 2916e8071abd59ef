import Anthropic from '@anthropic-ai/sdk';
import type {
	MessageBatch,
	MessageBatchIndividualResponse,
	MessageCreateParamsNonStreaming
} from '@anthropic-ai/sdk/resources/messages';
import { describe, expect, inject, it } from 'vitest';

/**
 * Message Batches driven only through the official SDK, against the standalone simulator and
 * both app modes (the batch speed is set in global-setup, so a batch ends in about a second).
 */
const targets = [
	['standalone simulator', () => inject('simulatorUrl')],
	['app /api (simulator upstream)', () => inject('appUrl') + '/api'],
	['app /api (anthropic upstream, stand-in base URL)', () => inject('keyedAppUrl') + '/api']
] as const;

const params = (content: string): MessageCreateParamsNonStreaming => ({
	model: 'claude-haiku-4-5-20251001',
	max_tokens: 100,
	messages: [{ role: 'user', content }]
});

/** Requests that pass the create-time envelope check but fail the per-request check. */
const INVALID: Record<number, [MessageCreateParamsNonStreaming, string]> = {
	7: [{ ...params('x'), model: 'claude-9-nonexistent' }, 'not_found_error'],
	19: [{ ...params('x'), max_tokens: 999_999 }, 'invalid_request_error'],
	33: [
		{ ...params('x'), messages: [{ role: 'assistant', content: 'I speak first' }] },
		'invalid_request_error'
	]
};

const total = (b: MessageBatch) => Object.values(b.request_counts).reduce((a, n) => a + n, 0);
const pause = () => new Promise((r) => setTimeout(r, 50));

describe.each(targets)('Message Batches through the official SDK against %s', (_name, baseURL) => {
	const client = () =>
		new Anthropic({ baseURL: baseURL(), apiKey: 'sk-ant-client-side-key', maxRetries: 0 });

	/** Polls until the batch has ended, checking every snapshot on the way. */
	async function untilEnded(id: string, count: number): Promise<MessageBatch> {
		let finished = 0;
		for (;;) {
			const batch = await client().messages.batches.retrieve(id);
			expect(total(batch)).toBe(count);
			const done = count - batch.request_counts.processing;
			expect(done).toBeGreaterThanOrEqual(finished);
			finished = done;
			if (batch.processing_status === 'ended') return batch;
			expect(batch.results_url).toBeNull();
			await pause();
		}
	}

	it('runs 50 requests to the end and reads succeeded and errored results by custom_id', async () => {
		const requests = Array.from({ length: 50 }, (_, i) => ({
			custom_id: `row-${i}`,
			params: INVALID[i]?.[0] ?? params(`Question number ${i}`)
		}));
		const created = await client().messages.batches.create({ requests });
		expect(created).toMatchObject({
			type: 'message_batch',
			processing_status: 'in_progress',
			results_url: null,
			ended_at: null
		});
		expect(created.request_counts).toEqual({
			processing: 50,
			succeeded: 0,
			errored: 0,
			canceled: 0,
			expired: 0
		});
		expect(Date.parse(created.expires_at) - Date.parse(created.created_at)).toBe(24 * 3600 * 1000);

		const ended = await untilEnded(created.id, 50);
		expect(ended.request_counts).toEqual({
			processing: 0,
			succeeded: 47,
			errored: 3,
			canceled: 0,
			expired: 0
		});
		expect(ended.ended_at).not.toBeNull();
		expect(ended.results_url).toBe(`${baseURL()}/v1/messages/batches/${created.id}/results`);

		const results = new Map<string, MessageBatchIndividualResponse['result']>();
		for await (const line of await client().messages.batches.results(created.id))
			results.set(line.custom_id, line.result);
		expect(results.size).toBe(50);
		for (const [i, [, type]] of Object.entries(INVALID)) {
			const result = results.get(`row-${i}`);
			expect(result?.type === 'errored' && result.error.error.type).toBe(type);
		}
		const first = results.get('row-0');
		const direct = await client().messages.create(params('Question number 0'));
		expect(first?.type === 'succeeded' && first.message.content).toEqual(direct.content);
	});

	it('serves results as JSONL with no blank lines, from the results_url it handed out', async () => {
		const created = await client().messages.batches.create({
			requests: [0, 1, 2].map((i) => ({ custom_id: `line-${i}`, params: params(`Line ${i}`) }))
		});
		const { results_url } = await untilEnded(created.id, 3);
		const res = await fetch(results_url!, {
			headers: { 'x-api-key': 'sk-ant-client-side-key', 'anthropic-version': '2023-06-01' }
		});
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('jsonl');
		const text = await res.text();
		expect(text.endsWith('\n')).toBe(true);
		expect(text).not.toMatch(/\n\s*\n/);
		expect(
			text
				.trimEnd()
				.split('\n')
				.map((l) => JSON.parse(l).custom_id)
				.sort()
		).toEqual(['line-0', 'line-1', 'line-2']);
	});

	it('lists batches newest first, auto-paginating across several pages', async () => {
		const ids: string[] = [];
		for (let i = 0; i < 3; i++)
			ids.push(
				(
					await client().messages.batches.create({
						requests: [{ custom_id: 'only', params: params('hi') }]
					})
				).id
			);
		const firstPage = await client().messages.batches.list({ limit: 2 });
		expect(firstPage.data.map((b) => b.id)).toEqual([ids[2], ids[1]]);
		expect(firstPage.has_more).toBe(true);
		expect(firstPage.first_id).toBe(ids[2]);
		expect(firstPage.last_id).toBe(ids[1]);

		const listed: MessageBatch[] = [];
		for await (const batch of client().messages.batches.list({ limit: 2 })) listed.push(batch);
		const listedIds = listed.map((b) => b.id);
		expect(new Set(listedIds).size).toBe(listedIds.length);
		expect(listedIds.length).toBeGreaterThan(2);
		expect(listedIds.slice(0, 3)).toEqual([ids[2], ids[1], ids[0]]);
		const created = listed.map((b) => Date.parse(b.created_at));
		expect(created).toEqual([...created].sort((a, b) => b - a));
		for (const b of listed)
			if (b.results_url)
				expect(b.results_url).toBe(`${baseURL()}/v1/messages/batches/${b.id}/results`);
	});

	it('cancels a running batch: canceling, then ended with the unfinished requests canceled', async () => {
		const count = 2000;
		const created = await client().messages.batches.create({
			requests: Array.from({ length: count }, (_, i) => ({
				custom_id: `c-${i}`,
				params: params(`Cancel me ${i}`)
			}))
		});
		// A running batch cannot be deleted.
		await expect(client().messages.batches.delete(created.id)).rejects.toBeInstanceOf(
			Anthropic.BadRequestError
		);
		const canceling = await client().messages.batches.cancel(created.id);
		expect(canceling.processing_status).toBe('canceling');
		expect(canceling.cancel_initiated_at).not.toBeNull();

		const ended = await untilEnded(created.id, count);
		expect(ended.request_counts.canceled).toBeGreaterThan(0);
		expect(ended.request_counts.processing).toBe(0);
		let canceledLines = 0;
		for await (const line of await client().messages.batches.results(created.id))
			if (line.result.type === 'canceled') canceledLines++;
		expect(canceledLines).toBe(ended.request_counts.canceled);

		const deleted = await client().messages.batches.delete(created.id);
		expect(deleted).toMatchObject({ id: created.id, type: 'message_batch_deleted' });
		await expect(client().messages.batches.retrieve(created.id)).rejects.toBeInstanceOf(
			Anthropic.NotFoundError
		);
	});

	it('serves the beta paths (?beta=true) the SDK beta client calls', async () => {
		const betas = ['message-batches-2024-09-24'];
		const beta = () => client().beta.messages.batches;
		const created = await beta().create({
			requests: [{ custom_id: 'b-1', params: params('beta') }],
			betas
		});
		await untilEnded(created.id, 1);
		expect((await beta().retrieve(created.id, { betas })).processing_status).toBe('ended');
		expect((await beta().list({ limit: 1, betas })).data).toHaveLength(1);
		const types: string[] = [];
		for await (const line of await beta().results(created.id, { betas }))
			types.push(line.result.type);
		expect(types).toEqual(['succeeded']);
	});

	it('answers an unknown batch id with 404 not_found_error', async () => {
		const unknown = 'msgbatch_01DoesNotExist0000000000';
		for (const call of [
			() => client().messages.batches.retrieve(unknown),
			() => client().messages.batches.cancel(unknown),
			() => client().messages.batches.delete(unknown),
			() => client().messages.batches.results(unknown)
		]) {
			const err = await call().catch((e: unknown) => e);
			expect(err).toBeInstanceOf(Anthropic.NotFoundError);
			expect((err as InstanceType<typeof Anthropic.NotFoundError>).error).toMatchObject({
				type: 'error',
				error: { type: 'not_found_error' }
			});
		}
	});
});
