import Papa from 'papaparse';
import type { EvalCase, EvalRun } from '$lib/schemas/evaluation';
import { cellIndex, cellKey } from './grid';
import { gradeInForce } from './totals';

/**
 * One CSV row per case: its variables and ideal answer, then per version the answer, grade,
 * who graded, tokens, cost and latency.
 */
export function evaluationCsv(
	variables: readonly string[],
	cases: readonly EvalCase[],
	run: EvalRun
): string {
	const cells = cellIndex(run.cells);
	const header = [...variables, 'ideal'];
	for (const v of run.versions)
		header.push(
			...[
				'answer',
				'grade',
				'graded_by',
				'input_tokens',
				'output_tokens',
				'cost_usd',
				'latency_ms'
			].map((f) => `${v.label}: ${f}`)
		);
	const rows = cases.map((c) => {
		const row: (string | number)[] = [
			...variables.map((name) => c.vars[name] ?? ''),
			c.ideal ?? ''
		];
		for (const v of run.versions) {
			const cell = cells.get(cellKey(v.id, c.id));
			const grade = cell && gradeInForce(cell);
			row.push(
				cell?.error ? `error: ${cell.error}` : (cell?.text ?? ''),
				grade?.score ?? '',
				grade?.by ?? '',
				cell?.usage?.input_tokens ?? '',
				cell?.usage?.output_tokens ?? '',
				cell?.costUsd ?? '',
				cell?.latencyMs !== undefined ? Math.round(cell.latencyMs) : ''
			);
		}
		return row;
	});
	return Papa.unparse({ fields: header, data: rows });
}
