import type { Kysely, Selectable } from 'kysely';
import type { Database } from './schema';
import type { BatchRecord, StoredPermalink } from './types';

/** Tables of immutable shared documents: same columns, same rules. */
type DocumentTable = 'permalinks' | 'evaluation_shares';
type BatchRow = Selectable<Database['batches']>;

const OWNER_COLUMN = {
	permalinks: 'created_by',
	batches: 'created_by',
	api_tokens: 'user_id'
} as const;

const toBatch = (r: BatchRow): BatchRecord => ({
	batchId: r.batch_id,
	label: r.label,
	createdBy: r.created_by,
	template: r.template,
	createdAt: r.created_at
});

/** Saves an immutable document; a second save of the same id keeps the first. */
export async function saveDocument(db: Kysely<Database>, table: DocumentTable, p: StoredPermalink) {
	const inserted = await db
		.insertInto(table)
		.values({ id: p.id, document: p.document, created_at: p.createdAt, created_by: p.createdBy })
		.onConflict((oc) => oc.column('id').doNothing())
		.returning('id')
		.executeTakeFirst();
	return inserted ? ('created' as const) : ('exists' as const);
}

export async function getDocument(
	db: Kysely<Database>,
	table: DocumentTable,
	id: string
): Promise<StoredPermalink | undefined> {
	const r = await db.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst();
	return r && { id: r.id, document: r.document, createdAt: r.created_at, createdBy: r.created_by };
}

/** Permalinks, the batch index, and the per-user row counts their quotas check. */
export function documentQueries(db: Kysely<Database>) {
	return {
		savePermalink: (p: StoredPermalink) => saveDocument(db, 'permalinks', p),
		getPermalink: (id: string) => getDocument(db, 'permalinks', id),

		async recordBatch(b: BatchRecord) {
			await db
				.insertInto('batches')
				.values({
					batch_id: b.batchId,
					label: b.label,
					created_by: b.createdBy,
					template: b.template,
					created_at: b.createdAt
				})
				.onConflict((oc) => oc.column('batch_id').doUpdateSet({ label: b.label }))
				.execute();
		},

		async getBatch(batchId: string) {
			const r = await db
				.selectFrom('batches')
				.selectAll()
				.where('batch_id', '=', batchId)
				.executeTakeFirst();
			return r && toBatch(r);
		},

		async listBatches(opts: { createdBy?: string; limit?: number } = {}) {
			let q = db.selectFrom('batches').selectAll();
			if (opts.createdBy) q = q.where('created_by', '=', opts.createdBy);
			const rows = await q
				.orderBy('created_at', 'desc')
				.orderBy('batch_id', 'desc')
				.limit(opts.limit ?? 100)
				.execute();
			return rows.map(toBatch);
		},

		async countOwned(table: keyof typeof OWNER_COLUMN, user: string) {
			const r = await db
				.selectFrom(table)
				.select((eb) => eb.fn.countAll<number | string>().as('n'))
				.where(OWNER_COLUMN[table], '=', user)
				.executeTakeFirst();
			return Number(r?.n ?? 0);
		}
	};
}
