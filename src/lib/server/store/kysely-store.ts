import { sql, type Kysely, type Selectable } from 'kysely';
import { evaluationQueries } from './evaluations';
import { KyselyIdentityStore } from './identity-store';
import { KyselyLeaseStore } from './lease-store';
import { KyselyPromptStore } from './prompt-store';
import type { Database } from './schema';
import type {
	ApiTokenRecord,
	BatchRecord,
	BatchReservation,
	EvaluationRecord,
	SessionRecord,
	Store,
	StoredPermalink,
	UsageTotals
} from './types';

type TokenRow = Selectable<Database['api_tokens']>;
type BatchRow = Selectable<Database['batches']>;
type SessionRow = Selectable<Database['sessions']>;
type HoldRow = Selectable<Database['batch_reservations']>;

const toSession = (r: SessionRow): SessionRecord => ({
	idHash: r.id_hash,
	user: r.user_id,
	createdAt: r.created_at,
	expiresAt: r.expires_at,
	revokedAt: r.revoked_at,
	address: r.address
});
const toHold = (r: HoldRow): BatchReservation => ({
	batchId: r.batch_id,
	user: r.user_id,
	day: r.day,
	reservedTokens: Number(r.reserved_tokens)
});
const OWNER_COLUMN = {
	permalinks: 'created_by',
	batches: 'created_by',
	api_tokens: 'user_id'
} as const;

const toToken = (r: TokenRow): ApiTokenRecord => ({
	id: r.id,
	user: r.user_id,
	name: r.name,
	hash: r.hash,
	createdAt: r.created_at,
	revokedAt: r.revoked_at
});
const toBatch = (r: BatchRow): BatchRecord => ({
	batchId: r.batch_id,
	label: r.label,
	createdBy: r.created_by,
	template: r.template,
	createdAt: r.created_at
});

/**
 * The Store on top of Kysely. Every query here is written once and runs on both dialects:
 * upserts use ON CONFLICT and RETURNING, which SQLite (3.35+) and PostgreSQL both support.
 */
export class KyselyStore implements Store {
	readonly prompts: KyselyPromptStore;
	readonly identities: KyselyIdentityStore;
	readonly leases: KyselyLeaseStore;

	constructor(
		readonly kind: Store['kind'],
		private readonly db: Kysely<Database>
	) {
		this.prompts = new KyselyPromptStore(db);
		this.identities = new KyselyIdentityStore(db);
		this.leases = new KyselyLeaseStore(db, kind);
	}

	async savePermalink(p: StoredPermalink) {
		const inserted = await this.db
			.insertInto('permalinks')
			.values({ id: p.id, document: p.document, created_at: p.createdAt, created_by: p.createdBy })
			.onConflict((oc) => oc.column('id').doNothing())
			.returning('id')
			.executeTakeFirst();
		return inserted ? ('created' as const) : ('exists' as const);
	}

	async getPermalink(id: string) {
		const r = await this.db
			.selectFrom('permalinks')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirst();
		return (
			r && { id: r.id, document: r.document, createdAt: r.created_at, createdBy: r.created_by }
		);
	}

	async recordBatch(b: BatchRecord) {
		await this.db
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
	}

	async getBatch(batchId: string) {
		const r = await this.db
			.selectFrom('batches')
			.selectAll()
			.where('batch_id', '=', batchId)
			.executeTakeFirst();
		return r && toBatch(r);
	}

	async listBatches(opts: { createdBy?: string; limit?: number } = {}) {
		let q = this.db.selectFrom('batches').selectAll();
		if (opts.createdBy) q = q.where('created_by', '=', opts.createdBy);
		const rows = await q
			.orderBy('created_at', 'desc')
			.orderBy('batch_id', 'desc')
			.limit(opts.limit ?? 100)
			.execute();
		return rows.map(toBatch);
	}

	/** Usage with nothing held for it: a settle that releases no reservation. */
	addUsage(user: string, day: string, usage: UsageTotals) {
		return this.settleUsage(user, day, 0, usage);
	}

	async getUsage(user: string, day: string) {
		const r = await this.db
			.selectFrom('usage_ledger')
			.select(['input_tokens', 'output_tokens', 'reserved_tokens'])
			.where('user_id', '=', user)
			.where('day', '=', day)
			.executeTakeFirst();
		return {
			inputTokens: Number(r?.input_tokens ?? 0),
			outputTokens: Number(r?.output_tokens ?? 0),
			reservedTokens: Number(r?.reserved_tokens ?? 0)
		};
	}

	async reserveUsage(user: string, day: string, tokens: number, budget: number | null) {
		await this.db
			.insertInto('usage_ledger')
			.values({ user_id: user, day, input_tokens: 0, output_tokens: 0, reserved_tokens: 0 })
			.onConflict((oc) => oc.columns(['user_id', 'day']).doNothing())
			.execute();
		// One conditional UPDATE: the check and the hold are atomic in both dialects, so parallel
		// requests cannot all see the same room left under the budget.
		let q = this.db
			.updateTable('usage_ledger')
			.set((eb) => ({ reserved_tokens: eb('reserved_tokens', '+', tokens) }))
			.where('user_id', '=', user)
			.where('day', '=', day);
		if (budget !== null)
			q = q.where(
				sql<boolean>`input_tokens + output_tokens + reserved_tokens + ${tokens} <= ${budget}`
			);
		const r = await q.executeTakeFirst();
		return Number(r.numUpdatedRows) > 0;
	}

	async settleUsage(user: string, day: string, reserved: number, usage: UsageTotals) {
		await this.db
			.insertInto('usage_ledger')
			.values({
				user_id: user,
				day,
				input_tokens: usage.inputTokens,
				output_tokens: usage.outputTokens,
				reserved_tokens: 0
			})
			.onConflict((oc) =>
				oc.columns(['user_id', 'day']).doUpdateSet((eb) => ({
					input_tokens: eb('usage_ledger.input_tokens', '+', eb.ref('excluded.input_tokens')),
					output_tokens: eb('usage_ledger.output_tokens', '+', eb.ref('excluded.output_tokens')),
					// Never below zero, even if a hold was lost with a crashed instance.
					reserved_tokens: sql<number>`case when usage_ledger.reserved_tokens > ${reserved}
						then usage_ledger.reserved_tokens - ${reserved} else 0 end`
				}))
			)
			.execute();
	}

	async listUsage(sinceDay: string) {
		const rows = await this.db
			.selectFrom('usage_ledger')
			.selectAll()
			.where('day', '>=', sinceDay)
			.orderBy('day', 'desc')
			.orderBy('user_id', 'asc')
			.limit(1000)
			.execute();
		return rows.map((r) => ({
			user: r.user_id,
			day: r.day,
			inputTokens: Number(r.input_tokens),
			outputTokens: Number(r.output_tokens),
			reservedTokens: Number(r.reserved_tokens)
		}));
	}

	async recordBatchReservation(r: BatchReservation) {
		await this.db
			.insertInto('batch_reservations')
			.values({
				batch_id: r.batchId,
				user_id: r.user,
				day: r.day,
				reserved_tokens: r.reservedTokens,
				settled_at: null
			})
			.onConflict((oc) => oc.column('batch_id').doNothing())
			.execute();
	}

	async claimBatchReservation(batchId: string, at: string) {
		const r = await this.db
			.updateTable('batch_reservations')
			.set({ settled_at: at })
			.where('batch_id', '=', batchId)
			.where('settled_at', 'is', null)
			.returningAll()
			.executeTakeFirst();
		return r && toHold(r);
	}

	async openBatchReservations(limit = 100) {
		const rows = await this.db
			.selectFrom('batch_reservations')
			.selectAll()
			.where('settled_at', 'is', null)
			.limit(limit)
			.execute();
		return rows.map(toHold);
	}

	async createSession(s: Omit<SessionRecord, 'revokedAt'>) {
		await this.db
			.insertInto('sessions')
			.values({
				id_hash: s.idHash,
				user_id: s.user,
				created_at: s.createdAt,
				expires_at: s.expiresAt,
				revoked_at: null,
				address: s.address
			})
			.execute();
	}

	async findSession(idHash: string, now: string) {
		const r = await this.db
			.selectFrom('sessions')
			.selectAll()
			.where('id_hash', '=', idHash)
			.where('revoked_at', 'is', null)
			.where('expires_at', '>', now)
			.executeTakeFirst();
		return r && toSession(r);
	}

	async revokeSessions(by: { idHash?: string; user?: string }, at: string) {
		if (!by.idHash && !by.user) return 0;
		let q = this.db.updateTable('sessions').set({ revoked_at: at }).where('revoked_at', 'is', null);
		if (by.idHash) q = q.where('id_hash', '=', by.idHash);
		if (by.user) q = q.where('user_id', '=', by.user);
		return Number((await q.executeTakeFirst()).numUpdatedRows);
	}

	async listSessions(now: string) {
		const rows = await this.db
			.selectFrom('sessions')
			.selectAll()
			.where('revoked_at', 'is', null)
			.where('expires_at', '>', now)
			.orderBy('created_at', 'desc')
			.limit(1000)
			.execute();
		return rows.map(toSession);
	}

	async countOwned(table: 'permalinks' | 'batches' | 'api_tokens', user: string) {
		const r = await this.db
			.selectFrom(table)
			.select((eb) => eb.fn.countAll<number | string>().as('n'))
			.where(OWNER_COLUMN[table], '=', user)
			.executeTakeFirst();
		return Number(r?.n ?? 0);
	}

	async listAllApiTokens() {
		const rows = await this.db
			.selectFrom('api_tokens')
			.selectAll()
			.orderBy('created_at', 'desc')
			.limit(1000)
			.execute();
		return rows.map(toToken);
	}

	async incrementRate(key: string, windowStart: number) {
		const r = await this.db
			.insertInto('rate_counters')
			.values({ key, window_start: windowStart, count: 1 })
			.onConflict((oc) =>
				oc
					.columns(['key', 'window_start'])
					.doUpdateSet((eb) => ({ count: eb('rate_counters.count', '+', 1) }))
			)
			.returning('count')
			.executeTakeFirstOrThrow();
		return Number(r.count);
	}

	async getRate(key: string, windowStart: number) {
		const r = await this.db
			.selectFrom('rate_counters')
			.select('count')
			.where('key', '=', key)
			.where('window_start', '=', windowStart)
			.executeTakeFirst();
		return Number(r?.count ?? 0);
	}

	async pruneRates(before: number) {
		const r = await this.db
			.deleteFrom('rate_counters')
			.where('window_start', '<', before)
			.executeTakeFirst();
		return Number(r.numDeletedRows);
	}

	async createApiToken(t: Omit<ApiTokenRecord, 'revokedAt'>) {
		await this.db
			.insertInto('api_tokens')
			.values({
				id: t.id,
				user_id: t.user,
				name: t.name,
				hash: t.hash,
				created_at: t.createdAt,
				revoked_at: null
			})
			.execute();
	}

	async findApiToken(hash: string) {
		const r = await this.db
			.selectFrom('api_tokens')
			.selectAll()
			.where('hash', '=', hash)
			.where('revoked_at', 'is', null)
			.executeTakeFirst();
		return r && toToken(r);
	}

	async listApiTokens(user: string) {
		const rows = await this.db
			.selectFrom('api_tokens')
			.selectAll()
			.where('user_id', '=', user)
			.orderBy('created_at', 'asc')
			.orderBy('id', 'asc')
			.execute();
		return rows.map(toToken);
	}

	async revokeApiToken(id: string, user: string, at: string) {
		const r = await this.db
			.updateTable('api_tokens')
			.set({ revoked_at: at })
			.where('id', '=', id)
			.where('user_id', '=', user)
			.where('revoked_at', 'is', null)
			.executeTakeFirst();
		return Number(r.numUpdatedRows) > 0;
	}

	saveEvaluation(e: EvaluationRecord) {
		return evaluationQueries.saveEvaluation(this.db, e);
	}
	getEvaluation(id: string) {
		return evaluationQueries.getEvaluation(this.db, id);
	}
	listEvaluations(opts: { createdBy: string; limit?: number }) {
		return evaluationQueries.listEvaluations(this.db, opts);
	}
	saveEvaluationShare(p: StoredPermalink) {
		return evaluationQueries.saveEvaluationShare(this.db, p);
	}
	getEvaluationShare(id: string) {
		return evaluationQueries.getEvaluationShare(this.db, id);
	}

	async recordFileOwner(fileId: string, user: string, createdAt: string) {
		await this.db
			.insertInto('file_owners')
			.values({ file_id: fileId, user_id: user, created_at: createdAt })
			// An id is recorded once: a replay never hands someone else's file over.
			.onConflict((oc) => oc.column('file_id').doNothing())
			.execute();
	}

	async fileOwner(fileId: string) {
		const r = await this.db
			.selectFrom('file_owners')
			.select('user_id')
			.where('file_id', '=', fileId)
			.executeTakeFirst();
		return r?.user_id;
	}

	async listOwnedFiles(user: string) {
		const rows = await this.db
			.selectFrom('file_owners')
			.select('file_id')
			.where('user_id', '=', user)
			.orderBy('created_at', 'desc')
			.execute();
		return rows.map((r) => r.file_id);
	}

	async forgetFile(fileId: string) {
		await this.db.deleteFrom('file_owners').where('file_id', '=', fileId).execute();
	}

	async close() {
		await this.db.destroy();
	}
}
