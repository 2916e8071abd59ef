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
	const parts = new Array<string>(rows.length * STRINGS.length);
	// Field by field, not in a loop over the key lists: this runs once per row on the load path,
	// and reading a row's fields by a changing key was most of its cost.
	for (let i = 0, k = 0, p = 0; i < rows.length; i++, k += FIELDS) {
		const r = rows[i];
		numbers[k + NUMBER_AT.line] = r.line;
		numbers[k + NUMBER_AT.offset] = r.offset;
		numbers[k + NUMBER_AT.length] = r.length;
		numbers[k + NUMBER_AT.inputTokens] = r.inputTokens;
		numbers[k + NUMBER_AT.outputTokens] = r.outputTokens;
		numbers[k + NUMBER_AT.cacheWriteTokens] = r.cacheWriteTokens;
		numbers[k + NUMBER_AT.cacheReadTokens] = r.cacheReadTokens;
		numbers[k + TYPE_AT] = TYPE_INDEX.get(r.type)!;
		// In STRINGS order, as unpackRows reads them.
		numbers[k + LENGTH_AT.customId] = r.customId.length;
		numbers[k + LENGTH_AT.model] = r.model.length;
		numbers[k + LENGTH_AT.stopReason] = r.stopReason.length;
		numbers[k + LENGTH_AT.firstLine] = r.firstLine.length;
		numbers[k + LENGTH_AT.haystack] = r.haystack.length;
		parts[p++] = r.customId;
		parts[p++] = r.model;
		parts[p++] = r.stopReason;
		parts[p++] = r.firstLine;
		parts[p++] = r.haystack;
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
