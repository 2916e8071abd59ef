import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { csvField, rowsToCsv } from '$lib/batches/export';
import { summarizeLine } from '$lib/batches/results';
import { keepsRows, viewRows } from '$lib/batches/view';

const line = (id: string, text: string, out = 1) =>
	JSON.stringify({
		custom_id: id,
		result: {
			type: 'succeeded',
			message: {
				id: 'm',
				type: 'message',
				role: 'assistant',
				model: 'x',
				content: [{ type: 'text', text }],
				stop_reason: 'end_turn',
				stop_sequence: null,
				usage: { input_tokens: 1, output_tokens: out }
			}
		}
	});

describe('csvField', () => {
	it('quotes only what needs quoting and doubles quotes', () => {
		expect(csvField('plain')).toBe('plain');
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('cr\rlf')).toBe('"cr\rlf"');
		expect(csvField(42)).toBe('42');
	});
});

describe('rowsToCsv', () => {
	it('writes rows a CSV parser reads back exactly', () => {
		const rows = [summarizeLine(line('a', 'Hello, "world"'), 1), summarizeLine('broken', 2)];
		const parsed = Papa.parse<string[]>(rowsToCsv(rows).trimEnd()).data;
		expect(parsed[0]).toEqual([
			'line',
			'custom_id',
			'result_type',
			'stop_reason',
			'input_tokens',
			'output_tokens',
			'first_line'
		]);
		expect(parsed[1]).toEqual(['1', 'a', 'succeeded', 'end_turn', '1', '1', 'Hello, "world"']);
		expect(parsed[2].slice(0, 3)).toEqual(['2', '', 'malformed']);
	});
});

describe('viewRows', () => {
	const rows = [
		summarizeLine(line('b', 'Apple pie', 5), 1),
		summarizeLine(line('a', 'banana', 9), 2),
		summarizeLine('{', 3)
	];
	it('filters by type and by search text over custom_id and text', () => {
		const base = { sort: 'line' as const, descending: false };
		expect(viewRows(rows, { ...base, type: 'malformed', query: '' }).map((r) => r.line)).toEqual([
			3
		]);
		expect(viewRows(rows, { ...base, type: 'all', query: 'APPLE' }).map((r) => r.line)).toEqual([
			1
		]);
		expect(viewRows(rows, { ...base, type: 'succeeded', query: 'a' }).map((r) => r.line)).toEqual([
			1, 2
		]);
	});
	it('sorts by a column either way', () => {
		expect(
			viewRows(rows, { type: 'succeeded', query: '', sort: 'customId', descending: false }).map(
				(r) => r.customId
			)
		).toEqual(['a', 'b']);
		expect(
			viewRows(rows, { type: 'all', query: '', sort: 'outputTokens', descending: true }).map(
				(r) => r.line
			)
		).toEqual([2, 1, 3]);
	});
	it('hands back the rows themselves only when nothing narrows or reorders them', () => {
		const plain = { type: 'all' as const, query: '  ', sort: 'line' as const, descending: false };
		expect(keepsRows(plain)).toBe(true);
		expect(viewRows(rows, plain)).toBe(rows);
		for (const change of [
			{ type: 'errored' as const },
			{ query: 'a' },
			{ sort: 'customId' as const },
			{ descending: true }
		]) {
			expect(keepsRows({ ...plain, ...change })).toBe(false);
			expect(viewRows(rows, { ...plain, ...change })).not.toBe(rows);
		}
	});
});
