import type { ResultRow, ResultType } from './results';

export type SortKey = 'line' | 'customId' | 'type' | 'stopReason' | 'inputTokens' | 'outputTokens';
export interface ViewOptions {
	type: ResultType | 'all';
	query: string;
	sort: SortKey;
	descending: boolean;
}

/** Whether the options leave the rows as they are (no filter, no search, file order). */
export const keepsRows = (o: ViewOptions): boolean =>
	o.type === 'all' && !o.query.trim() && o.sort === 'line' && !o.descending;

/** The rows the table shows: filtered by type and search text, then sorted (stable). */
export function viewRows(rows: readonly ResultRow[], o: ViewOptions): readonly ResultRow[] {
	const q = o.query.trim().toLowerCase();
	// Nothing to narrow or reorder: the rows as they are, not a copy (the common case while loading).
	if (keepsRows(o)) return rows;
	const out = rows.filter(
		(r) => (o.type === 'all' || r.type === o.type) && (!q || r.haystack.includes(q))
	);
	if (o.sort !== 'line' || o.descending) {
		const k = o.sort;
		const dir = o.descending ? -1 : 1;
		out.sort((a, b) => {
			const x = a[k];
			const y = b[k];
			const c =
				typeof x === 'number' ? x - (y as number) : (x as string).localeCompare(y as string);
			return c === 0 ? a.line - b.line : c * dir;
		});
	}
	return out;
}
