import Papa from 'papaparse';
import type { Vars } from './template';

/** One input row: variables for the template, or a ready request (JSONL `{custom_id, params}`). */
export type InputRow =
	| { kind: 'vars'; line: number; vars: Vars }
	| { kind: 'request'; line: number; custom_id: unknown; params: unknown }
	| { kind: 'broken'; line: number; reason: string };

export type InputFormat = 'csv' | 'jsonl';

export function formatOf(fileName: string, text: string): InputFormat {
	if (/\.jsonl?$|\.ndjson$/i.test(fileName)) return 'jsonl';
	if (/\.csv$/i.test(fileName)) return 'csv';
	return text.trimStart().startsWith('{') ? 'jsonl' : 'csv';
}

type Progress = (done: number, total: number) => void;

/** Counts newlines in text[from, to): how far the line number advances between two offsets. */
function newlines(text: string, from: number, to: number): number {
	let n = 0;
	for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
	return n;
}

/**
 * CSV with a header row. Each row gets the 1-based line it starts on, so a quoted field with
 * newlines still points at its first line.
 */
export function parseCsv(input: string, onProgress?: Progress): InputRow[] {
	// One line ending throughout: the CSV parser guesses it from the first line, and files get mixed ones.
	const text = input.replace(/\r\n?/g, '\n');
	const rows: InputRow[] = [];
	let header: string[] | null = null;
	let offset = 0;
	let line = 1;
	Papa.parse<string[]>(text, {
		header: false,
		step: (r) => {
			const start = offset;
			offset = r.meta.cursor;
			const rowLine = line;
			line += newlines(text, start, offset);
			const cells = r.data;
			if (cells.length === 1 && cells[0] === '') return; // blank line
			if (!header) {
				header = cells.map((c) => c.trim());
				return;
			}
			if (r.errors.length)
				rows.push({ kind: 'broken', line: rowLine, reason: `CSV: ${r.errors[0].message}` });
			else if (cells.length !== header.length)
				rows.push({
					kind: 'broken',
					line: rowLine,
					reason: `CSV: ${cells.length} fields where the header has ${header.length}`
				});
			else
				rows.push({
					kind: 'vars',
					line: rowLine,
					vars: Object.fromEntries(header.map((h, i) => [h, cells[i]]))
				});
			if (rows.length % 5000 === 0) onProgress?.(offset, text.length);
		}
	});
	onProgress?.(text.length, text.length);
	return rows;
}

/** JSON Lines: each line an object of variables, or a ready `{custom_id, params}` request. */
export function parseJsonl(text: string, onProgress?: Progress): InputRow[] {
	const rows: InputRow[] = [];
	let start = 0;
	for (let line = 1; start <= text.length; line++) {
		let end = text.indexOf('\n', start);
		if (end === -1) end = text.length;
		const raw = text.slice(start, end).trim();
		start = end + 1;
		if (raw) rows.push(jsonlRow(raw, line));
		if (line % 5000 === 0) onProgress?.(start, text.length);
	}
	onProgress?.(text.length, text.length);
	return rows;
}

function jsonlRow(raw: string, line: number): InputRow {
	let value: unknown;
	try {
		value = JSON.parse(raw);
	} catch (e) {
		return { kind: 'broken', line, reason: `not valid JSON (${(e as Error).message})` };
	}
	if (!value || typeof value !== 'object' || Array.isArray(value))
		return { kind: 'broken', line, reason: 'a line must be a JSON object' };
	const obj = value as Record<string, unknown>;
	if ('params' in obj)
		return { kind: 'request', line, custom_id: obj.custom_id, params: obj.params };
	// Variables are text; numbers and booleans are written as JSON would write them.
	const vars: Vars = {};
	for (const [k, v] of Object.entries(obj)) vars[k] = typeof v === 'string' ? v : JSON.stringify(v);
	return { kind: 'vars', line, vars };
}

export function parseRows(text: string, format: InputFormat, onProgress?: Progress): InputRow[] {
	return format === 'csv' ? parseCsv(text, onProgress) : parseJsonl(text, onProgress);
}
