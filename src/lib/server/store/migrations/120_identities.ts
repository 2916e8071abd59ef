import type { Kysely, Migration } from 'kysely';

/**
 * Invited users and their invites (issue 16). A member's secret is stored as a scrypt hash;
 * an invite's token as its sha-256 (the link is shown once). Names are unique case-insensitively
 * through `name_key`, so `Ada` and `ada` are one identity.
 */
export const identities: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema
			.createTable('members')
			.addColumn('name_key', 'text', (c) => c.primaryKey())
			.addColumn('name', 'text', (c) => c.notNull())
			.addColumn('secret_hash', 'text', (c) => c.notNull())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('updated_at', 'text', (c) => c.notNull())
			.execute();
		await db.schema
			.createTable('invites')
			.addColumn('id', 'text', (c) => c.primaryKey())
			.addColumn('token_hash', 'text', (c) => c.notNull().unique())
			.addColumn('name', 'text', (c) => c.notNull())
			.addColumn('name_key', 'text', (c) => c.notNull())
			.addColumn('created_by', 'text', (c) => c.notNull())
			.addColumn('created_at', 'text', (c) => c.notNull())
			.addColumn('expires_at', 'text', (c) => c.notNull())
			.addColumn('used_at', 'text')
			.addColumn('revoked_at', 'text')
			.execute();
		await db.schema.createIndex('invites_name').on('invites').column('name_key').execute();
	}
};
