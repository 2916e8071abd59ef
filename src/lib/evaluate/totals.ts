import type { EvalCell, Grade } from '$lib/schemas/evaluation';

/** A grade of 4 or 5 passes. */
export const PASS_SCORE = 4;

export interface VersionTotals {
	cells: number;
	done: number;
	errors: number;
	graded: number;
	/** Mean of the grades in force; null until something is graded. */
	meanGrade: number | null;
	/** Share of graded cells that pass; null until something is graded. */
	passRate: number | null;
	costUsd: number;
	/** Median latency of the finished live cells; null when there are none. */
	p50LatencyMs: number | null;
}

/** The person's grade when given, else the model's. */
export function gradeInForce(cell: EvalCell): Grade | undefined {
	return cell.grade ?? cell.modelGrade;
}

export function versionTotals(cells: readonly EvalCell[]): VersionTotals {
	const scores: number[] = [];
	const latencies: number[] = [];
	let done = 0;
	let errors = 0;
	let costUsd = 0;
	for (const cell of cells) {
		if (cell.status === 'done') done++;
		if (cell.status === 'error') errors++;
		costUsd += cell.costUsd ?? 0;
		if (cell.status === 'done' && cell.latencyMs !== undefined) latencies.push(cell.latencyMs);
		const grade = gradeInForce(cell);
		if (grade) scores.push(grade.score);
	}
	return {
		cells: cells.length,
		done,
		errors,
		graded: scores.length,
		meanGrade: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
		passRate: scores.length ? scores.filter((s) => s >= PASS_SCORE).length / scores.length : null,
		costUsd,
		p50LatencyMs: median(latencies)
	};
}

export function median(values: readonly number[]): number | null {
	if (!values.length) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
