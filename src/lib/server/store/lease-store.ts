import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';

export interface Lease {
	id: string;
	holder: string;
	/** Epoch ms. */
	expiresAt: number;
}

/** Slot leases (see migrations/121_slot_leases.ts). */
export interface LeaseStore {
	/**
	 * Takes a lease on one of `limit` slots under `key`, or returns false when all are held by
	 * live leases; expired ones are reclaimed first. Atomic across instances.
	 */
	acquire(key: string, limit: number, lease: Lease, now: number): Promise<boolean>;
	release(id: string): Promise<void>;
	/** Pushes out the expiry of every lease the holder has (its heartbeat); returns how many. */
	renew(holder: string, expiresAt: number): Promise<number>;
}

export class KyselyLeaseStore implements LeaseStore {
	constructor(
		private readonly db: Kysely<Database>,
		private readonly dialect: 'sqlite' | 'postgres'
	) {}

	async acquire(key: string, limit: number, lease: Lease, now: number) {
		return this.db.transaction().execute(async (trx) => {
			// Serializes takers of this key across instances until the transaction ends (SQLite
			// already has one writer at a time).
			if (this.dialect === 'postgres')
				await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
			await trx
				.deleteFrom('slot_leases')
				.where('slot_key', '=', key)
				.where('expires_at', '<=', now)
				.execute();
			const { n } = await trx
				.selectFrom('slot_leases')
				.select((eb) => eb.fn.countAll().as('n'))
				.where('slot_key', '=', key)
				.executeTakeFirstOrThrow();
			if (Number(n) >= limit) return false;
			await trx
				.insertInto('slot_leases')
				.values({
					id: lease.id,
					slot_key: key,
					holder: lease.holder,
					expires_at: lease.expiresAt
				})
				.execute();
			return true;
		});
	}

	async release(id: string) {
		await this.db.deleteFrom('slot_leases').where('id', '=', id).execute();
	}

	async renew(holder: string, expiresAt: number) {
		const r = await this.db
			.updateTable('slot_leases')
			.set({ expires_at: expiresAt })
			.where('holder', '=', holder)
			.executeTakeFirst();
		return Number(r.numUpdatedRows);
	}
}
