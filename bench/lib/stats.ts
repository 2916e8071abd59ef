export function percentile(values: number[], p: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[i];
}

/** One figure of the bench: a measurement, optionally against a baseline and a target. */
export interface BenchRow {
	section: string;
	name: string;
	value: number;
	unit: string;
	baseline?: number;
	/** value / baseline */
	ratio?: number;
	/** Human-readable target, e.g. "< 1.05x" or "< 50 ms". */
	target?: string;
	pass?: boolean;
	note?: string;
}

export function row(r: Omit<BenchRow, 'ratio'>): BenchRow {
	return r.baseline !== undefined && r.baseline > 0 ? { ...r, ratio: r.value / r.baseline } : r;
}

export function formatTable(rows: BenchRow[]): string {
	const header = ['section', 'figure', 'value', 'baseline', 'ratio', 'target', 'ok'];
	const lines = rows.map((r) => [
		r.section,
		r.name,
		`${fmt(r.value)} ${r.unit}`,
		r.baseline === undefined ? '' : `${fmt(r.baseline)} ${r.unit}`,
		r.ratio === undefined ? '' : `${r.ratio.toFixed(3)}x`,
		r.target ?? '',
		r.pass === undefined ? '' : r.pass ? 'yes' : 'NO'
	]);
	const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
	const render = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
	return [render(header), render(widths.map((w) => '-'.repeat(w))), ...lines.map(render)].join(
		'\n'
	);
}

function fmt(n: number): string {
	if (!Number.isFinite(n)) return String(n);
	if (Math.abs(n) >= 100) return n.toFixed(0);
	if (Math.abs(n) >= 1) return n.toFixed(2);
	return n.toFixed(4);
}
