import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database as Tables } from './schema';

/** An embedded SQLite file (created with its folder if missing); WAL so readers never wait on a writer. */
export function openSqlite(file: string): Kysely<Tables> {
	if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
	const sqlite = new Database(file);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('busy_timeout = 5000');
	return new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) });
}
