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
const TYPE_AT = NUMBERS.length;
const LENGTHS_AT = TYPE_AT + 1;
const FIELDS = LENGTHS_AT + STRINGS.length;
/** Where each field sits in a row's numbers, worked out once (unpacking is on the load path). */
const indexOf = <K extends string>(keys: readonly K[], from: number) =>
	Object.fromEntries(keys.map((key, i) => [key, from + i])) as Record<K, number>;
const NUMBER_AT = indexOf(NUMBERS, 0);
const LENGTH_AT = indexOf(STRINGS, LENGTHS_AT);

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
		// The strings sit in `text` in STRINGS order, as packRows wrote them: read them in that order.
		const customId = next(n[k + LENGTH_AT.customId]);
		const model = shared(next(n[k + LENGTH_AT.model]));
		const stopReason = shared(next(n[k + LENGTH_AT.stopReason]));
		const firstLine = next(n[k + LENGTH_AT.firstLine]);
		const haystack = next(n[k + LENGTH_AT.haystack]);
		rows[i] = {
			line: n[k + NUMBER_AT.line],
			customId,
			type: RESULT_TYPES[n[k + TYPE_AT]],
			model,
			stopReason,
			inputTokens: n[k + NUMBER_AT.inputTokens],
			outputTokens: n[k + NUMBER_AT.outputTokens],
			cacheWriteTokens: n[k + NUMBER_AT.cacheWriteTokens],
			cacheReadTokens: n[k + NUMBER_AT.cacheReadTokens],
			firstLine,
			haystack,
			offset: n[k + NUMBER_AT.offset],
			length: n[k + NUMBER_AT.length]
		};
	}
	return rows;
}
