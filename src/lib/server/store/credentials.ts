import type { Kysely, Selectable } from 'kysely';
import type { Database } from './schema';
import type { ApiTokenRecord, SessionRecord } from './types';

type SessionRow = Selectable<Database['sessions']>;
type TokenRow = Selectable<Database['api_tokens']>;

const toSession = (r: SessionRow): SessionRecord => ({
	idHash: r.id_hash,
	user: r.user_id,
	createdAt: r.created_at,
	expiresAt: r.expires_at,
	revokedAt: r.revoked_at,
	address: r.address
});
const toToken = (r: TokenRow): ApiTokenRecord => ({
	id: r.id,
	user: r.user_id,
	name: r.name,
	hash: r.hash,
	createdAt: r.created_at,
	revokedAt: r.revoked_at
});

/** Sign-in sessions and API tokens: both stored by hash, both revoked by a timestamp. */
export function credentialQueries(db: Kysely<Database>) {
	/** Sessions neither revoked nor expired at `now`. */
	const activeSessions = (now: string) =>
		db
			.selectFrom('sessions')
			.selectAll()
			.where('revoked_at', 'is', null)
			.where('expires_at', '>', now);
	const tokens = () => db.selectFrom('api_tokens').selectAll();

	return {
		async createSession(s: Omit<SessionRecord, 'revokedAt'>) {
			await db
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
		},

		async findSession(idHash: string, now: string) {
			const r = await activeSessions(now).where('id_hash', '=', idHash).executeTakeFirst();
			return r && toSession(r);
		},

		async revokeSessions(by: { idHash?: string; user?: string }, at: string) {
			if (!by.idHash && !by.user) return 0;
			let q = db.updateTable('sessions').set({ revoked_at: at }).where('revoked_at', 'is', null);
			if (by.idHash) q = q.where('id_hash', '=', by.idHash);
			if (by.user) q = q.where('user_id', '=', by.user);
			return Number((await q.executeTakeFirst()).numUpdatedRows);
		},

		async listSessions(now: string) {
			const rows = await activeSessions(now).orderBy('created_at', 'desc').limit(1000).execute();
			return rows.map(toSession);
		},

		async createApiToken(t: Omit<ApiTokenRecord, 'revokedAt'>) {
			await db
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
		},

		async findApiToken(hash: string) {
			const r = await tokens()
				.where('hash', '=', hash)
				.where('revoked_at', 'is', null)
				.executeTakeFirst();
			return r && toToken(r);
		},

		async listApiTokens(user: string) {
			const rows = await tokens()
				.where('user_id', '=', user)
				.orderBy('created_at', 'asc')
				.orderBy('id', 'asc')
				.execute();
			return rows.map(toToken);
		},

		async listAllApiTokens() {
			const rows = await tokens().orderBy('created_at', 'desc').limit(1000).execute();
			return rows.map(toToken);
		},

		async revokeApiToken(id: string, user: string, at: string) {
			const r = await db
				.updateTable('api_tokens')
				.set({ revoked_at: at })
				.where('id', '=', id)
				.where('user_id', '=', user)
				.where('revoked_at', 'is', null)
				.executeTakeFirst();
			return Number(r.numUpdatedRows) > 0;
		}
	};
}
