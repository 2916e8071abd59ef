import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database as Tables } from './schema';

export interface SqliteOptions {
	/** Caps the file's size (SQLite answers SQLITE_FULL past it, as on a full disk). */
	maxBytes?: number;
}

/**
 * An embedded SQLite file (created with its folder if missing, readable only by us); WAL so
 * readers never wait on a writer. The busy timeout is short on purpose: better-sqlite3 waits
 * synchronously, blocking every request; longer waits are retried asynchronously (resilient.ts).
 */
export function openSqlite(file: string, options: SqliteOptions = {}): Kysely<Tables> {
	if (file !== ':memory:') {
		mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
		chmodSync(dirname(file), 0o700);
		// Created 0600 before SQLite opens it; its -wal and -shm files copy these permissions.
		closeSync(openSync(file, 'a', 0o600));
		chmodSync(file, 0o600);
	}
	const sqlite = new Database(file);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('busy_timeout = 20');
	if (options.maxBytes) {
		const pageSize = Number(sqlite.pragma('page_size', { simple: true }));
		sqlite.pragma(`max_page_count = ${Math.max(1, Math.floor(options.maxBytes / pageSize))}`);
	}
	return new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) });
}
