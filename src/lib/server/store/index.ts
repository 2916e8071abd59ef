import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { getConfig } from '../config';
import { kyselyStore } from './kysely-store';
import { migrate } from './migrations';
import { openPostgres } from './postgres';
import { withRetries } from './resilient';
import { openSqlite } from './sqlite';
import type { Store } from './types';

export type * from './types';
export { StoreUnavailable } from './resilient';

/** Opens (and migrates) a store: PostgreSQL when a URL is given, else the SQLite file. */
export async function openStore(opts: {
	databaseUrl?: string;
	sqliteFile: string;
	sqliteMaxBytes?: number;
}): Promise<Store> {
	const db = opts.databaseUrl
		? openPostgres(opts.databaseUrl)
		: openSqlite(opts.sqliteFile, { maxBytes: opts.sqliteMaxBytes });
	try {
		await migrate(db as Kysely<unknown>);
	} catch (e) {
		await db.destroy();
		throw e;
	}
	return withRetries(kyselyStore(opts.databaseUrl ? 'postgres' : 'sqlite', db));
}

// One store per server process: it holds a connection pool, not user data.
let opening: Promise<Store> | undefined;

export function getStore(): Promise<Store> {
	if (!opening) {
		const c = getConfig();
		opening = openStore({
			databaseUrl: c.DATABASE_URL,
			sqliteFile: join(c.DATA_DIR, 'playground.sqlite'),
			sqliteMaxBytes: c.SQLITE_MAX_MB ? c.SQLITE_MAX_MB * 1024 * 1024 : undefined
		});
		// A failed open is retried on the next call instead of being cached forever.
		opening.catch(() => (opening = undefined));
	}
	return opening;
}
