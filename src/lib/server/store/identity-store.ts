import type { Kysely, Selectable } from 'kysely';
import type { Database } from './schema';

/** An invited user who has set their own secret (the secret's hash stays in the store). */
export interface MemberRecord {
	name: string;
	createdAt: string;
	updatedAt: string;
}

export interface InviteRecord {
	/** A short public handle (the admin view revokes by it); the token itself is never stored. */
	id: string;
	/** Hex sha-256 of the token in the link. */
	tokenHash: string;
	name: string;
	createdBy: string;
	createdAt: string;
	expiresAt: string;
	usedAt: string | null;
	revokedAt: string | null;
}

export type InviteState = 'pending' | 'used' | 'revoked' | 'expired';

export type RedeemOutcome =
	{ ok: true; name: string } | { ok: false; reason: 'unknown' | Exclude<InviteState, 'pending'> };

export interface IdentityStore {
	/** A member's stored secret hash, looked up case-insensitively; with the stored spelling. */
	memberSecret(name: string): Promise<{ name: string; secretHash: string } | undefined>;
	listMembers(): Promise<MemberRecord[]>;
	/** Who holds a name besides the config: a member, or a live invite waiting for one. */
	claimOn(name: string, now: string): Promise<'member' | 'invited' | null>;
	/** Stores an invite; older live invites for the same name stop working (one link per name). */
	createInvite(i: Omit<InviteRecord, 'usedAt' | 'revokedAt'>): Promise<void>;
	findInvite(tokenHash: string): Promise<InviteRecord | undefined>;
	/** Newest first. */
	listInvites(limit?: number): Promise<InviteRecord[]>;
	/** Revokes a live invite by its handle; false when there is no such live invite. */
	revokeInvite(id: string, at: string): Promise<boolean>;
	/**
	 * Uses a live invite and sets its name's secret, in one transaction: of two redeems at
	 * once only one wins, and a burnt invite never leaves the secret unset.
	 */
	redeemInvite(tokenHash: string, secretHash: string, now: string): Promise<RedeemOutcome>;
}

type InviteRow = Selectable<Database['invites']>;

const nameKey = (name: string) => name.toLowerCase();

const toInvite = (r: InviteRow): InviteRecord => ({
	id: r.id,
	tokenHash: r.token_hash,
	name: r.name,
	createdBy: r.created_by,
	createdAt: r.created_at,
	expiresAt: r.expires_at,
	usedAt: r.used_at,
	revokedAt: r.revoked_at
});

export function inviteState(i: InviteRecord, now: string): InviteState {
	if (i.usedAt) return 'used';
	if (i.revokedAt) return 'revoked';
	return i.expiresAt <= now ? 'expired' : 'pending';
}

/** Members and invites, beside the main store class so each file stays about one thing. */
export class KyselyIdentityStore implements IdentityStore {
	constructor(private readonly db: Kysely<Database>) {}

	async memberSecret(name: string) {
		const r = await this.db
			.selectFrom('members')
			.select(['name', 'secret_hash'])
			.where('name_key', '=', nameKey(name))
			.executeTakeFirst();
		return r && { name: r.name, secretHash: r.secret_hash };
	}

	async listMembers() {
		const rows = await this.db
			.selectFrom('members')
			.select(['name', 'created_at', 'updated_at'])
			.orderBy('name_key')
			.limit(1000)
			.execute();
		return rows.map((r) => ({ name: r.name, createdAt: r.created_at, updatedAt: r.updated_at }));
	}

	async claimOn(name: string, now: string) {
		if (await this.memberSecret(name)) return 'member' as const;
		const live = await this.db
			.selectFrom('invites')
			.select('id')
			.where('name_key', '=', nameKey(name))
			.where('used_at', 'is', null)
			.where('revoked_at', 'is', null)
			.where('expires_at', '>', now)
			.executeTakeFirst();
		return live ? ('invited' as const) : null;
	}

	async createInvite(i: Omit<InviteRecord, 'usedAt' | 'revokedAt'>) {
		await this.db.transaction().execute(async (trx) => {
			await trx
				.updateTable('invites')
				.set({ revoked_at: i.createdAt })
				.where('name_key', '=', nameKey(i.name))
				.where('used_at', 'is', null)
				.where('revoked_at', 'is', null)
				.execute();
			await trx
				.insertInto('invites')
				.values({
					id: i.id,
					token_hash: i.tokenHash,
					name: i.name,
					name_key: nameKey(i.name),
					created_by: i.createdBy,
					created_at: i.createdAt,
					expires_at: i.expiresAt,
					used_at: null,
					revoked_at: null
				})
				.execute();
		});
	}

	async findInvite(tokenHash: string) {
		const r = await this.db
			.selectFrom('invites')
			.selectAll()
			.where('token_hash', '=', tokenHash)
			.executeTakeFirst();
		return r && toInvite(r);
	}

	async listInvites(limit = 200) {
		const rows = await this.db
			.selectFrom('invites')
			.selectAll()
			.orderBy('created_at', 'desc')
			.orderBy('id')
			.limit(limit)
			.execute();
		return rows.map(toInvite);
	}

	async revokeInvite(id: string, at: string) {
		const r = await this.db
			.updateTable('invites')
			.set({ revoked_at: at })
			.where('id', '=', id)
			.where('used_at', 'is', null)
			.where('revoked_at', 'is', null)
			.executeTakeFirst();
		return Number(r.numUpdatedRows) > 0;
	}

	async redeemInvite(tokenHash: string, secretHash: string, now: string): Promise<RedeemOutcome> {
		return this.db.transaction().execute(async (trx) => {
			const row = await trx
				.selectFrom('invites')
				.selectAll()
				.where('token_hash', '=', tokenHash)
				.executeTakeFirst();
			if (!row) return { ok: false, reason: 'unknown' } as const;
			const state = inviteState(toInvite(row), now);
			if (state !== 'pending') return { ok: false, reason: state } as const;
			const taken = await trx
				.updateTable('invites')
				.set({ used_at: now })
				.where('id', '=', row.id)
				.where('used_at', 'is', null)
				.where('revoked_at', 'is', null)
				.executeTakeFirst();
			// Another redeem got there between our read and this write (PostgreSQL, read committed).
			if (Number(taken.numUpdatedRows) === 0) return { ok: false, reason: 'used' } as const;
			await trx
				.insertInto('members')
				.values({
					name_key: row.name_key,
					name: row.name,
					secret_hash: secretHash,
					created_at: now,
					updated_at: now
				})
				.onConflict((oc) =>
					oc.column('name_key').doUpdateSet({ secret_hash: secretHash, updated_at: now })
				)
				.execute();
			return { ok: true, name: row.name } as const;
		});
	}
}
