import { describe, expect, it } from 'vitest';
import { prepareBatch } from '$lib/batches/prepare';
import { parseCsv } from '$lib/batches/rows';
import { BATCH_MAX_REQUESTS } from '$lib/schemas';

const template = {
	model: 'claude-3-5-haiku-20241022',
	max_tokens: '{{max_tokens}}',
	messages: [{ role: 'user', content: 'Say {{word}}' }]
};

describe('prepareBatch', () => {
	it('builds one request per good row with generated row-N ids', () => {
		const p = prepareBatch(parseCsv('word,max_tokens\nhi,10\nbye,20\n'), template, {
			customIdColumn: null
		});
		expect(p.bad).toEqual([]);
		expect(p.limitErrors).toEqual([]);
		expect(p.requests.map((r) => [r.custom_id, r.params.max_tokens, r.line])).toEqual([
			['row-1', 10, 2],
			['row-2', 20, 3]
		]);
		expect(p.bytes).toBe(
			new TextEncoder().encode(
				JSON.stringify({
					requests: p.requests.map(({ custom_id, params }) => ({ custom_id, params }))
				})
			).length
		);
	});

	it('lists each bad row with its line and reason', () => {
		const csv = [
			'id,word,max_tokens',
			'a,hi,10',
			'b,hi,zero',
			'a,hi,10',
			'bad id!,hi,10',
			',hi,10',
			'c,hi,-1'
		].join('\n');
		const p = prepareBatch(parseCsv(csv), template, { customIdColumn: 'id' });
		expect(p.requests.map((r) => r.custom_id)).toEqual(['a']);
		expect(p.bad).toEqual([
			{ line: 3, reason: 'params: max_tokens: Invalid input: expected number, received string' },
			{ line: 4, reason: 'duplicate custom_id "a" (first on line 2)' },
			{ line: 5, reason: 'custom_id "bad id!" must be 1-64 letters, digits, _ or -' },
			{ line: 6, reason: 'custom_id "" must be 1-64 letters, digits, _ or -' },
			{ line: 7, reason: 'params: max_tokens: Too small: expected number to be >=0' }
		]);
	});

	it('reports a missing variable by name', () => {
		const p = prepareBatch(parseCsv('word\nhi\n'), template, { customIdColumn: null });
		expect(p.bad).toEqual([{ line: 2, reason: 'missing variable {{max_tokens}}' }]);
	});

	it('checks ready requests and refuses streaming ones', () => {
		const rows = [
			{
				kind: 'request' as const,
				line: 1,
				custom_id: 'x',
				params: { model: 'm', max_tokens: 1, messages: [], stream: true }
			},
			{ kind: 'request' as const, line: 2, custom_id: 'y', params: { model: 'm' } }
		];
		const p = prepareBatch(rows, null, { customIdColumn: null });
		expect(p.bad.map((b) => b.line)).toEqual([1, 2]);
		expect(p.bad[0].reason).toBe('params: stream must not be true in a batch');
		expect(p.bad[1].reason).toBe(
			'params: messages: Invalid input: expected array, received undefined'
		);
	});

	it('refuses more requests than a batch holds, up front', () => {
		const rows = Array.from({ length: BATCH_MAX_REQUESTS + 1 }, (_, i) => ({
			kind: 'vars' as const,
			line: i + 2,
			vars: {}
		}));
		const p = prepareBatch(
			rows,
			{ model: 'm', max_tokens: 1, messages: [] },
			{ customIdColumn: null }
		);
		expect(p.limitErrors).toEqual([
			'100,001 requests: a batch holds at most 100,000. Split the file.'
		]);
	});

	it('refuses an empty file', () => {
		expect(prepareBatch([], template, { customIdColumn: null }).limitErrors).toEqual([
			'The file has no rows.'
		]);
	});
});
