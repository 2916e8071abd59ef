import type { PromptStore } from './prompt-store';

/**
 * The one storage interface. SQLite (default, a file in DATA_DIR) and PostgreSQL (DATABASE_URL)
 * both implement it through the same Kysely queries; tests/contract/store.test.ts runs the same
 * cases against both.
 */
export type * from './prompt-store';

export interface StoredPermalink {
	id: string;
	/** The document as JSON text, exactly as saved; validated by the reader, not here. */
	document: string;
	createdAt: string;
	createdBy: string;
}

export interface BatchRecord {
	batchId: string;
	label: string;
	createdBy: string;
	/** The request template the batch was made from, as JSON text. */
	template: string;
	createdAt: string;
}

export interface UsageTotals {
	inputTokens: number;
	outputTokens: number;
}

export interface ApiTokenRecord {
	id: string;
	user: string;
	name: string;
	/** Hex sha-256 of the token; the token itself is never stored. */
	hash: string;
	createdAt: string;
	revokedAt: string | null;
}

export interface Store {
	readonly kind: 'sqlite' | 'postgres';
	/** Saved prompts and their versions (prompt-store.ts). */
	readonly prompts: PromptStore;

	/** Saves an immutable document; a second save of the same id keeps the first ('exists'). */
	savePermalink(p: StoredPermalink): Promise<'created' | 'exists'>;
	getPermalink(id: string): Promise<StoredPermalink | undefined>;

	recordBatch(b: BatchRecord): Promise<void>;
	getBatch(batchId: string): Promise<BatchRecord | undefined>;
	/** Newest first. */
	listBatches(opts?: { createdBy?: string; limit?: number }): Promise<BatchRecord[]>;

	/** Adds to a user's tokens for a day (`YYYY-MM-DD`, UTC); concurrent adds never lose counts. */
	addUsage(user: string, day: string, usage: UsageTotals): Promise<void>;
	getUsage(user: string, day: string): Promise<UsageTotals>;

	/** Atomically adds one to the counter for (key, window start in ms) and returns the new count. */
	incrementRate(key: string, windowStart: number): Promise<number>;
	/** Drops counters whose window started before `before` (ms); returns how many. */
	pruneRates(before: number): Promise<number>;

	createApiToken(t: Omit<ApiTokenRecord, 'revokedAt'>): Promise<void>;
	/** An active (not revoked) token by hash. */
	findApiToken(hash: string): Promise<ApiTokenRecord | undefined>;
	listApiTokens(user: string): Promise<ApiTokenRecord[]>;
	/** Marks the user's token revoked; false when there is no such active token. */
	revokeApiToken(id: string, user: string, at: string): Promise<boolean>;

	/** Files API: who uploaded each file id, so a user sees and touches only their own files. */
	recordFileOwner(fileId: string, user: string, createdAt: string): Promise<void>;
	fileOwner(fileId: string): Promise<string | undefined>;
	/** The user's file ids, newest first. */
	listOwnedFiles(user: string): Promise<string[]>;
	forgetFile(fileId: string): Promise<void>;

	close(): Promise<void>;
}
