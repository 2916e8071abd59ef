import { formatOf, parseRows } from '$lib/batches/rows';
import type { EvalCase } from '$lib/schemas/evaluation';

/** Column (CSV) or key (JSONL) that holds a case's ideal answer rather than a variable. */
export const IDEAL_COLUMN = 'ideal';

export interface CaseImport {
	cases: Omit<EvalCase, 'id'>[];
	/** Lines that could not be read, with why: the batch importer's per-line report. */
	errors: { line: number; reason: string }[];
}

/**
 * Test cases from a CSV/JSONL file, or text pasted from a spreadsheet (tab-separated with a
 * header row, which the CSV reader detects). Reuses the batch importer, so both report the same
 * per-line errors.
 */
export function importCases(text: string, fileName = ''): CaseImport {
	const rows = parseRows(text, formatOf(fileName, text));
	const result: CaseImport = { cases: [], errors: [] };
	for (const row of rows) {
		if (row.kind === 'broken') result.errors.push({ line: row.line, reason: row.reason });
		else if (row.kind === 'request')
			result.errors.push({
				line: row.line,
				reason: 'a batch request line (with "params"), not test-case values'
			});
		else {
			const { [IDEAL_COLUMN]: ideal, ...vars } = row.vars;
			result.cases.push(ideal?.trim() ? { vars, ideal } : { vars });
		}
	}
	return result;
}
