import { describe, expect, it } from 'vitest';
import { formatOf, parseCsv, parseJsonl } from '$lib/batches/rows';

describe('parseCsv', () => {
	it('reads quoted fields with commas, quotes and newlines, numbering rows by their first line', () => {
		const csv = 'id,text\r\na,"one, two"\nb,"multi\nline ""quoted"""\n\nc,plain\n';
		expect(parseCsv(csv)).toEqual([
			{ kind: 'vars', line: 2, vars: { id: 'a', text: 'one, two' } },
			{ kind: 'vars', line: 3, vars: { id: 'b', text: 'multi\nline "quoted"' } },
			{ kind: 'vars', line: 6, vars: { id: 'c', text: 'plain' } }
		]);
	});

	it('reports a row with the wrong number of fields by its line', () => {
		const rows = parseCsv('a,b\n1,2\n3\n4,5');
		expect(rows[1]).toEqual({
			kind: 'broken',
			line: 3,
			reason: 'CSV: 1 fields where the header has 2'
		});
		expect(rows[2]).toMatchObject({ kind: 'vars', line: 4 });
	});

	it('reports progress ending at the full length', () => {
		const calls: number[][] = [];
		parseCsv('a\n1\n', (d, t) => calls.push([d, t]));
		expect(calls.at(-1)).toEqual([4, 4]);
	});
});

describe('parseJsonl', () => {
	it('reads variable objects, ready requests and broken lines with their line numbers', () => {
		const text =
			'{"name":"Ada","n":3}\n\n{"custom_id":"x","params":{"model":"m"}}\nnot json\n[1]\n';
		const rows = parseJsonl(text);
		expect(rows[0]).toEqual({ kind: 'vars', line: 1, vars: { name: 'Ada', n: '3' } });
		expect(rows[1]).toEqual({ kind: 'request', line: 3, custom_id: 'x', params: { model: 'm' } });
		expect(rows[2]).toMatchObject({ kind: 'broken', line: 4 });
		expect(rows[3]).toEqual({ kind: 'broken', line: 5, reason: 'a line must be a JSON object' });
		expect(rows).toHaveLength(4);
	});
});

describe('formatOf', () => {
	it('goes by extension, then by content', () => {
		expect(formatOf('rows.csv', '{')).toBe('csv');
		expect(formatOf('rows.jsonl', 'a,b')).toBe('jsonl');
		expect(formatOf('rows.txt', ' {"a":1}')).toBe('jsonl');
		expect(formatOf('rows.txt', 'a,b')).toBe('csv');
	});
});
