import type { ResultRow } from './results';

/** One CSV field: quoted when it holds a comma, quote or line break (RFC 4180), quotes doubled. */
export function csvField(value: string | number): string {
	const s = String(value);
	return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const COLUMNS = [
	'line',
	'custom_id',
	'result_type',
	'stop_reason',
	'input_tokens',
	'output_tokens',
	'first_line'
] as const;

/** The viewer's rows as CSV (the compact fields; JSONL export carries the full results). */
export function rowsToCsv(rows: readonly ResultRow[]): string {
	const lines = [COLUMNS.join(',')];
	for (const r of rows)
		lines.push(
			[r.line, r.customId, r.type, r.stopReason, r.inputTokens, r.outputTokens, r.firstLine]
				.map(csvField)
				.join(',')
		);
	return lines.join('\r\n') + '\r\n';
}
