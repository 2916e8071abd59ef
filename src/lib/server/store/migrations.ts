import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { identities } from './migrations/120_identities';
import { slotLeases } from './migrations/121_slot_leases';

/**
 * Schema changes, in order, shared by both dialects (only portable column types are used).
 * Never edit or rename a released migration: add a new one. Branches add theirs in parallel,
 * so a name may sort before one a database already ran (002_hardening landed after 095):
 * each must stand on 001 and the ones named before it, never on one named after it.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
	'001_initial': {
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('permalinks')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('document', 'text', (c) => c.notNull())
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('created_by', 'text', (c) => c.notNull())
				.execute();
			await db.schema
				.createTable('batches')
				.addColumn('batch_id', 'text', (c) => c.primaryKey())
				.addColumn('label', 'text', (c) => c.notNull())
				.addColumn('created_by', 'text', (c) => c.notNull())
				.addColumn('template', 'text', (c) => c.notNull())
				.addColumn('created_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema
				.createIndex('batches_created_at')
				.on('batches')
				.column('created_at')
				.execute();
			await db.schema
				.createTable('usage_ledger')
				.addColumn('user_id', 'text', (c) => c.notNull())
				.addColumn('day', 'text', (c) => c.notNull())
				.addColumn('input_tokens', 'bigint', (c) => c.notNull().defaultTo(0))
				.addColumn('output_tokens', 'bigint', (c) => c.notNull().defaultTo(0))
				.addPrimaryKeyConstraint('usage_ledger_pk', ['user_id', 'day'])
				.execute();
			await db.schema
				.createTable('rate_counters')
				.addColumn('key', 'text', (c) => c.notNull())
				.addColumn('window_start', 'bigint', (c) => c.notNull())
				.addColumn('count', 'bigint', (c) => c.notNull())
				.addPrimaryKeyConstraint('rate_counters_pk', ['key', 'window_start'])
				.execute();
			await db.schema
				.createTable('api_tokens')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('user_id', 'text', (c) => c.notNull())
				.addColumn('name', 'text', (c) => c.notNull())
				.addColumn('hash', 'text', (c) => c.notNull().unique())
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('revoked_at', 'text')
				.execute();
			await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute();
		}
	},
	// Budget reservations (a request's worst case is held until its real usage is known),
	// server-side sessions, and which batches still owe their usage to the ledger.
	'002_hardening': {
		async up(db: Kysely<unknown>) {
			await db.schema
				.alterTable('usage_ledger')
				.addColumn('reserved_tokens', 'bigint', (c) => c.notNull().defaultTo(0))
				.execute();
			await db.schema
				.createTable('sessions')
				.addColumn('id_hash', 'text', (c) => c.primaryKey())
				.addColumn('user_id', 'text', (c) => c.notNull())
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('expires_at', 'text', (c) => c.notNull())
				.addColumn('revoked_at', 'text')
				.addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
				.execute();
			await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
			await db.schema
				.createTable('batch_reservations')
				.addColumn('batch_id', 'text', (c) => c.primaryKey())
				.addColumn('user_id', 'text', (c) => c.notNull())
				.addColumn('day', 'text', (c) => c.notNull())
				.addColumn('reserved_tokens', 'bigint', (c) => c.notNull())
				.addColumn('settled_at', 'text')
				.execute();
		}
	},
	// Numbered apart from the others so branches that add tables at the same time do not collide.
	'010_evaluations': {
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('evaluations')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('name', 'text', (c) => c.notNull())
				.addColumn('document', 'text', (c) => c.notNull())
				.addColumn('created_by', 'text', (c) => c.notNull())
				.addColumn('updated_by', 'text', (c) => c.notNull())
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('updated_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema
				.createIndex('evaluations_owner')
				.on('evaluations')
				.columns(['created_by', 'updated_at'])
				.execute();
			await db.schema
				.createTable('evaluation_shares')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('document', 'text', (c) => c.notNull())
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('created_by', 'text', (c) => c.notNull())
				.execute();
		}
	},
	// Numbered high so it sorts after whatever else lands meanwhile (names run in order).
	'090_file_owners': {
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('file_owners')
				.addColumn('file_id', 'text', (c) => c.primaryKey())
				.addColumn('user_id', 'text', (c) => c.notNull())
				.addColumn('created_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('file_owners_user').on('file_owners').column('user_id').execute();
		}
	},
	// Saved prompts, versioned: every save adds a row, nothing is updated in place. After 090.
	'095_saved_prompts': {
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable('prompts')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('owner', 'text', (c) => c.notNull())
				.addColumn('shared', 'integer', (c) => c.notNull().defaultTo(1))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema
				.createTable('prompt_versions')
				.addColumn('prompt_id', 'text', (c) => c.notNull().references('prompts.id'))
				.addColumn('version', 'integer', (c) => c.notNull())
				.addColumn('name', 'text', (c) => c.notNull())
				.addColumn('document', 'text', (c) => c.notNull())
				.addColumn('created_by', 'text', (c) => c.notNull())
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addPrimaryKeyConstraint('prompt_versions_pk', ['prompt_id', 'version'])
				.execute();
		}
	},
	'120_identities': identities,
	'121_slot_leases': slotLeases
	// Append new migrations here (other features add their own tables): never edit one above.
};

/**
 * Brings the schema up to date; a failure stops start-up with the migration's name. Every
 * migration not yet run is run, in name order, even when its name sorts before one already run
 * (a database made between two merges); without that, Kysely refuses to migrate at all.
 */
export async function migrate(
	db: Kysely<unknown>,
	migrations: Readonly<Record<string, Migration>> = MIGRATIONS
): Promise<void> {
	const provider: MigrationProvider = { getMigrations: async () => ({ ...migrations }) };
	const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
	const { error, results } = await migrator.migrateToLatest();
	if (error) {
		const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
		throw new Error(
			`store migration ${failed} failed: ${(error as Error).message ?? String(error)}`
		);
	}
}
