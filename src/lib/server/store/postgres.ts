import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database as Tables } from './schema';

/** A PostgreSQL pool shared by every request of this instance (several instances may share one db). */
export function openPostgres(url: string): Kysely<Tables> {
	return new Kysely<Tables>({
		dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 10 }) })
	});
}
