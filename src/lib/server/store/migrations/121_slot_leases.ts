import type { Kysely, Migration } from 'kysely';

/**
 * Concurrency slots held in the store (issue 16), so MAX_CONCURRENT_STREAMS and friends hold
 * across instances sharing PostgreSQL. A lease names its holder (one server process) and
 * expires unless that process keeps renewing it, so a crashed instance's slots come back.
 * Times are epoch milliseconds.
 */
export const slotLeases: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema
			.createTable('slot_leases')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('slot_key', 'text', (c) => c.notNull())
			.addColumn('holder', 'text', (c) => c.notNull())
			.addColumn('expires_at', 'bigint', (c) => c.notNull())
			.execute();
		await db.schema
			.createIndex('slot_leases_key')
			.on('slot_leases')
			.columns(['slot_key', 'expires_at'])
			.execute();
		await db.schema.createIndex('slot_leases_holder').on('slot_leases').column('holder').execute();
	}
};
