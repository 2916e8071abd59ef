import type { Kysely, Selectable } from 'kysely';
import type { Database } from './schema';
import { getDocument, saveDocument } from './documents';
import type { EvaluationRecord, EvaluationRow, StoredPermalink } from './types';

type Row = Selectable<Database['evaluations']>;

const toRow = (r: Omit<Row, 'document'>): EvaluationRow => ({
	id: r.id,
	name: r.name,
	createdBy: r.created_by,
	updatedBy: r.updated_by,
	createdAt: r.created_at,
	updatedAt: r.updated_at
});

/** Evaluations (replaced whole on save) and their immutable shared snapshots. */
export function evaluationQueries(db: Kysely<Database>) {
	return {
		async saveEvaluation(e: EvaluationRecord) {
			await db
				.insertInto('evaluations')
				.values({
					id: e.id,
					name: e.name,
					document: e.document,
					created_by: e.createdBy,
					updated_by: e.updatedBy,
					created_at: e.createdAt,
					updated_at: e.updatedAt
				})
				.onConflict((oc) =>
					oc.column('id').doUpdateSet({
						name: e.name,
						document: e.document,
						updated_by: e.updatedBy,
						updated_at: e.updatedAt
					})
				)
				.execute();
		},

		async getEvaluation(id: string) {
			const r = await db
				.selectFrom('evaluations')
				.selectAll()
				.where('id', '=', id)
				.executeTakeFirst();
			return r && { ...toRow(r), document: r.document };
		},

		async listEvaluations(opts: { createdBy: string; limit?: number }) {
			const rows = await db
				.selectFrom('evaluations')
				.select(['id', 'name', 'created_by', 'updated_by', 'created_at', 'updated_at'])
				.where('created_by', '=', opts.createdBy)
				.orderBy('updated_at', 'desc')
				.orderBy('id', 'desc')
				.limit(opts.limit ?? 100)
				.execute();
			return rows.map(toRow);
		},

		saveEvaluationShare: (p: StoredPermalink) => saveDocument(db, 'evaluation_shares', p),
		getEvaluationShare: (id: string) => getDocument(db, 'evaluation_shares', id)
	};
}
