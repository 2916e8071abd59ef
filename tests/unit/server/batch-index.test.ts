import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchMetaFromHeaders, getBatchIndex, recordBatch } from '$lib/server/gateway/batch-index';
import { resetConfig } from '$lib/server/config';
import { GET } from '../../../src/routes/api/batch-index/+server';

// One DATA_DIR for the file: the store is opened once per process.
beforeAll(() => {
	process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'batch-index-'));
	resetConfig();
});
afterAll(() => {
	delete process.env.DATA_DIR;
	resetConfig();
});

const get = (query: string) =>
	GET({
		url: new URL(`http://x/api/batch-index?${query}`),
		locals: { requestId: 'req_t', user: 'anonymous' }
	} as never) as Promise<Response>;

describe('batch index', () => {
	it('records creates and finds them by id, skipping unknown ids', async () => {
		await Promise.all(
			['msgbatch_a', 'msgbatch_b', 'msgbatch_c'].map((id, i) =>
				recordBatch({ id, label: `L${i}`, creator: 'ann', template: { i } })
			)
		);
		const got = await getBatchIndex(['msgbatch_a', 'msgbatch_c', 'msgbatch_zzz']);
		expect(Object.keys(got).sort()).toEqual(['msgbatch_a', 'msgbatch_c']);
		expect(got.msgbatch_c).toMatchObject({
			id: 'msgbatch_c',
			label: 'L2',
			creator: 'ann',
			template: { i: 2 }
		});
	});

	it('answers the route with label and creator, the template only when asked', async () => {
		await recordBatch({
			id: 'msgbatch_r',
			label: 'Nov run',
			creator: 'ann',
			template: { model: 'm' }
		});
		const plain = await (await get('ids=msgbatch_r,msgbatch_none')).json();
		expect(plain.data).toEqual({
			msgbatch_r: { label: 'Nov run', creator: 'ann', created_at: expect.any(String) }
		});
		const full = await (await get('ids=msgbatch_r&include=template')).json();
		expect(full.data.msgbatch_r.template).toEqual({ model: 'm' });
	});

	it('refuses malformed ids with a 400 in the API error shape', async () => {
		const res = await get('ids=ok,not%20ok');
		expect(res.status).toBe(400);
		expect(await res.json()).toMatchObject({
			type: 'error',
			error: {
				type: 'invalid_request_error',
				message: expect.stringMatching(/^ids\.1: each id must/)
			}
		});
	});

	it('reads URI-encoded label and template headers, ignoring broken ones', () => {
		const h = new Headers({
			'x-playground-batch-label': encodeURIComponent(' Überblick, "Q4" '),
			'x-playground-batch-template': encodeURIComponent('{"a":1}')
		});
		expect(batchMetaFromHeaders(h)).toEqual({ label: 'Überblick, "Q4"', template: { a: 1 } });
		expect(
			batchMetaFromHeaders(
				new Headers({ 'x-playground-batch-label': '%E0%A4%A', 'x-playground-batch-template': '{' })
			)
		).toEqual({ label: '', template: null });
	});
});
