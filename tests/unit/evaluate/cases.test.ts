import { describe, expect, it } from 'vitest';
import { importCases } from '$lib/evaluate/cases';

describe('importCases', () => {
	it('reads CSV with a header row, quoted fields and an ideal column', () => {
		const csv = 'city,question,ideal\nParis,"Is it ""sunny""?",Yes\n"New\nYork",Rain?,\n';
		const { cases, errors } = importCases(csv, 'cases.csv');
		expect(errors).toEqual([]);
		expect(cases).toEqual([
			{ vars: { city: 'Paris', question: 'Is it "sunny"?' }, ideal: 'Yes' },
			{ vars: { city: 'New\nYork', question: 'Rain?' } }
		]);
	});

	it('reads text pasted from a spreadsheet (tab-separated)', () => {
		const { cases, errors } = importCases('city\tmonth\nOslo\tMay\nLima\tJune');
		expect(errors).toEqual([]);
		expect(cases.map((c) => c.vars)).toEqual([
			{ city: 'Oslo', month: 'May' },
			{ city: 'Lima', month: 'June' }
		]);
	});

	it('reports broken lines by number and keeps the good ones', () => {
		const csv = 'city,month\nOslo,May\nLima\nRome,April\n';
		const { cases, errors } = importCases(csv, 'x.csv');
		expect(cases.map((c) => c.vars.city)).toEqual(['Oslo', 'Rome']);
		expect(errors).toEqual([{ line: 3, reason: 'CSV: 1 fields where the header has 2' }]);
	});

	it('reads JSONL objects, turning numbers into text, and refuses batch request lines', () => {
		const jsonl =
			'{"city":"Oslo","days":3}\nnot json\n{"custom_id":"a","params":{}}\n{"city":"Rome","ideal":"Sunny"}\n';
		const { cases, errors } = importCases(jsonl, 'cases.jsonl');
		expect(cases).toEqual([
			{ vars: { city: 'Oslo', days: '3' } },
			{ vars: { city: 'Rome' }, ideal: 'Sunny' }
		]);
		expect(errors.map((e) => e.line)).toEqual([2, 3]);
		expect(errors[1].reason).toMatch(/batch request line/);
	});
});
