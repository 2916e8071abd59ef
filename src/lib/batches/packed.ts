import { RESULT_TYPES, type ResultRow } from './results';

/**
 * Rows as they cross from the results worker to the page: every number in one Float64Array
 * (transferred, not copied) and every string in one string (copied in one piece). Structured
 * cloning 100,000 row objects cost the page more than parsing the file had cost the worker.
 */
export interface PackedRows {
	count: number;
	/** FIELDS numbers per row; the lengths say where each row's strings sit in `text`. */
	numbers: Float64Array;
	text: string;
}

const TYPE_INDEX = new Map(RESULT_TYPES.map((t, i) => [t, i]));
const STRINGS = ['customId', 'model', 'stopReason', 'firstLine', 'haystack'] as const;
const NUMBERS = [
	'line',
	'offset',
	'length',
	'inputTokens',
	'outputTokens',
	'cacheWriteTokens',
	'cacheReadTokens'
] as const;
/** Per row: its numbers, the type's index, then each string's length. */
const FIELDS = NUMBERS.length + 1 + STRINGS.length;

export function packRows(rows: readonly ResultRow[]): PackedRows {
	const numbers = new Float64Array(rows.length * FIELDS);
	const parts: string[] = [];
	let k = 0;
	for (const r of rows) {
		for (const key of NUMBERS) numbers[k++] = r[key];
		numbers[k++] = TYPE_INDEX.get(r.type)!;
		for (const key of STRINGS) {
			numbers[k++] = r[key].length;
			parts.push(r[key]);
		}
	}
	return { count: rows.length, numbers, text: parts.join('') };
}

export function unpackRows({ count, numbers: n, text }: PackedRows): ResultRow[] {
	const rows = new Array<ResultRow>(count);
	let at = 0;
	const next = (length: number) => text.slice(at, (at += length));
	// Models and stop reasons repeat on nearly every row: one string each, not one per row.
	const seen = new Map<string, string>();
	const shared = (s: string) => seen.get(s) ?? (seen.set(s, s), s);
	for (let i = 0, k = 0; i < count; i++, k += FIELDS) {
		const customId = next(n[k + 8]);
		const model = shared(next(n[k + 9]));
		const stopReason = shared(next(n[k + 10]));
		const firstLine = next(n[k + 11]);
		const haystack = next(n[k + 12]);
		rows[i] = {
			line: n[k],
			customId,
			type: RESULT_TYPES[n[k + 7]],
			model,
			stopReason,
			inputTokens: n[k + 3],
			outputTokens: n[k + 4],
			cacheWriteTokens: n[k + 5],
			cacheReadTokens: n[k + 6],
			firstLine,
			haystack,
			offset: n[k + 1],
			length: n[k + 2]
		};
	}
	return rows;
}
