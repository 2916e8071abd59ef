import type { Kysely, Selectable } from 'kysely';
import type { Database } from './schema';
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

/** Evaluation queries, kept beside the main store class so each file stays about one thing. */
export const evaluationQueries = {
	async saveEvaluation(db: Kysely<Database>, e: EvaluationRecord) {
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

	async getEvaluation(db: Kysely<Database>, id: string) {
		const r = await db
			.selectFrom('evaluations')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirst();
		return r && { ...toRow(r), document: r.document };
	},

	async listEvaluations(db: Kysely<Database>, opts: { createdBy: string; limit?: number }) {
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

	async saveEvaluationShare(db: Kysely<Database>, p: StoredPermalink) {
		const inserted = await db
			.insertInto('evaluation_shares')
			.values({ id: p.id, document: p.document, created_at: p.createdAt, created_by: p.createdBy })
			.onConflict((oc) => oc.column('id').doNothing())
			.returning('id')
			.executeTakeFirst();
		return inserted ? ('created' as const) : ('exists' as const);
	},

	async getEvaluationShare(db: Kysely<Database>, id: string) {
		const r = await db
			.selectFrom('evaluation_shares')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirst();
		return (
			r && { id: r.id, document: r.document, createdAt: r.created_at, createdBy: r.created_by }
		);
	}
};
