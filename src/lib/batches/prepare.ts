import {
	BATCH_MAX_BYTES,
	BATCH_MAX_REQUESTS,
	CUSTOM_ID,
	MessageCreateParamsSchema,
	describeIssues
} from '$lib/schemas';
import type { InputRow } from './rows';
import { substitute } from './template';

export interface BuiltRequest {
	line: number;
	custom_id: string;
	params: Record<string, unknown>;
}
export interface BadRow {
	line: number;
	reason: string;
}

export interface PrepareOptions {
	/** The column holding each row's custom_id, or null to generate `row-N`. */
	customIdColumn: string | null;
}

export interface Prepared {
	requests: BuiltRequest[];
	bad: BadRow[];
	/** Size of the create body the valid requests make. */
	bytes: number;
	/** Batch-wide problems (too many requests, too large): nothing can be sent while any remain. */
	limitErrors: string[];
}

const MB = 1024 * 1024;
const encoder = new TextEncoder();

/** One row -> one request, or the reason it can't be one. */
function build(
	row: InputRow,
	index: number,
	template: unknown,
	options: PrepareOptions
): BuiltRequest | BadRow {
	if (row.kind === 'broken') return { line: row.line, reason: row.reason };
	let customId: unknown;
	let params: unknown;
	if (row.kind === 'request') {
		customId = row.custom_id;
		params = row.params;
	} else {
		const filled = substitute(template, row.vars);
		if (filled.missing.length)
			return {
				line: row.line,
				reason: `missing variable ${filled.missing.map((m) => `{{${m}}}`).join(', ')}`
			};
		params = filled.value;
		customId = options.customIdColumn ? row.vars[options.customIdColumn] : `row-${index + 1}`;
	}
	if (typeof customId !== 'string' || !CUSTOM_ID.test(customId))
		return {
			line: row.line,
			reason: `custom_id ${JSON.stringify(customId ?? null)} must be 1-64 letters, digits, _ or -`
		};
	const parsed = MessageCreateParamsSchema.safeParse(params);
	if (!parsed.success) return { line: row.line, reason: `params: ${describeIssues(parsed.error)}` };
	if ((params as { stream?: unknown }).stream === true)
		return { line: row.line, reason: 'params: stream must not be true in a batch' };
	return { line: row.line, custom_id: customId, params: params as Record<string, unknown> };
}

/**
 * Turns input rows into batch requests, checking everything the API would refuse up front:
 * each row's params and custom_id, duplicates, and the batch's count and size limits.
 */
export function prepareBatch(
	rows: InputRow[],
	template: unknown,
	options: PrepareOptions,
	onProgress?: (done: number, total: number) => void
): Prepared {
	const requests: BuiltRequest[] = [];
	const bad: BadRow[] = [];
	const seen = new Map<string, number>();
	let bytes = '{"requests":[]}'.length;
	rows.forEach((row, i) => {
		const r = build(row, i, template, options);
		if ('reason' in r) bad.push(r);
		else if (seen.has(r.custom_id))
			bad.push({
				line: r.line,
				reason: `duplicate custom_id "${r.custom_id}" (first on line ${seen.get(r.custom_id)})`
			});
		else {
			seen.set(r.custom_id, r.line);
			requests.push(r);
			// Its JSON, plus the comma before it from the second request on.
			bytes +=
				encoder.encode(JSON.stringify({ custom_id: r.custom_id, params: r.params })).length +
				(requests.length > 1 ? 1 : 0);
		}
		if (i % 5000 === 4999) onProgress?.(i + 1, rows.length);
	});
	const limitErrors: string[] = [];
	if (rows.length === 0) limitErrors.push('The file has no rows.');
	if (requests.length > BATCH_MAX_REQUESTS)
		limitErrors.push(
			`${requests.length.toLocaleString('en-US')} requests: a batch holds at most ${BATCH_MAX_REQUESTS.toLocaleString('en-US')}. Split the file.`
		);
	if (bytes > BATCH_MAX_BYTES)
		limitErrors.push(
			`The batch would be ${(bytes / MB).toFixed(1)} MB: the API accepts at most ${BATCH_MAX_BYTES / MB} MB. Split the file.`
		);
	return { requests, bad, bytes, limitErrors };
}
