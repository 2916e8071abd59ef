import type { Usage } from '$lib/schemas/usage';
import type { IdentityStore } from './identity-store';
import type { LeaseStore } from './lease-store';
import type { PromptStore } from './prompt-store';

/**
 * The one storage interface. SQLite (default, a file in DATA_DIR) and PostgreSQL (DATABASE_URL)
 * both implement it through the same Kysely queries; tests/contract/store.test.ts runs the same
 * cases against both.
 */
export type * from './prompt-store';
export type * from './identity-store';
export type * from './lease-store';

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

/**
 * A user's day in the usage ledger: budget tokens, not an answer's `Usage`. `inputTokens` counts
 * every prompt token read, cached or not (`promptTokens` of each usage recorded), with what
 * in-flight requests hold against the budget.
 */
export interface UsageRow {
	user: string;
	day: string;
	inputTokens: number;
	outputTokens: number;
	reservedTokens: number;
}

export interface SessionRecord {
	/** Hex sha-256 of the session id in the cookie; the id itself is never stored. */
	idHash: string;
	user: string;
	createdAt: string;
	expiresAt: string;
	revokedAt: string | null;
	address: string;
}

export interface BatchReservation {
	batchId: string;
	user: string;
	day: string;
	reservedTokens: number;
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

export interface EvaluationRecord {
	id: string;
	name: string;
	/** The evaluation as JSON text; validated by the reader. */
	document: string;
	createdBy: string;
	updatedBy: string;
	createdAt: string;
	updatedAt: string;
}

export type EvaluationRow = Omit<EvaluationRecord, 'document'>;

export interface Store {
	readonly kind: 'sqlite' | 'postgres';
	/** Saved prompts and their versions (prompt-store.ts). */
	readonly prompts: PromptStore;
	/** Invited users and their invites (identity-store.ts). */
	readonly identities: IdentityStore;
	/** Concurrency slots with leases, shared by every instance on the store (lease-store.ts). */
	readonly leases: LeaseStore;

	/** Saves an immutable document; a second save of the same id keeps the first ('exists'). */
	savePermalink(p: StoredPermalink): Promise<'created' | 'exists'>;
	getPermalink(id: string): Promise<StoredPermalink | undefined>;

	recordBatch(b: BatchRecord): Promise<void>;
	getBatch(batchId: string): Promise<BatchRecord | undefined>;
	/** Newest first. */
	listBatches(opts?: { createdBy?: string; limit?: number }): Promise<BatchRecord[]>;

	/** Adds to a user's tokens for a day (`YYYY-MM-DD`, UTC); concurrent adds never lose counts. */
	addUsage(user: string, day: string, usage: Usage): Promise<void>;
	getUsage(user: string, day: string): Promise<Omit<UsageRow, 'user' | 'day'>>;
	/**
	 * Atomically holds `tokens` against the day's budget: false (nothing held) when used +
	 * held + tokens would pass `budget`. A null budget always holds.
	 */
	reserveUsage(user: string, day: string, tokens: number, budget: number | null): Promise<boolean>;
	/** Releases a hold and adds the real usage in one statement. */
	settleUsage(user: string, day: string, reserved: number, usage: Usage): Promise<void>;
	/** Usage rows from `sinceDay` on, newest first (the admin view). */
	listUsage(sinceDay: string): Promise<UsageRow[]>;

	/** A batch's budget hold, settled once from its results when it ends. */
	recordBatchReservation(r: BatchReservation): Promise<void>;
	/** Marks the hold settled and returns it, only for the one caller that got there first. */
	claimBatchReservation(batchId: string, at: string): Promise<BatchReservation | undefined>;
	/** Holds not settled yet (batches still running, or whose end nobody has seen). */
	openBatchReservations(limit?: number): Promise<BatchReservation[]>;

	createSession(s: Omit<SessionRecord, 'revokedAt'>): Promise<void>;
	/** An active (not revoked, not expired at `now`) session by id hash. */
	findSession(idHash: string, now: string): Promise<SessionRecord | undefined>;
	/** Revokes one session, or every session of `user` when idHash is omitted; returns how many. */
	revokeSessions(by: { idHash?: string; user?: string }, at: string): Promise<number>;
	listSessions(now: string): Promise<SessionRecord[]>;

	/** How many rows a user owns, for the per-user storage quotas. */
	countOwned(table: 'permalinks' | 'batches' | 'api_tokens', user: string): Promise<number>;
	/** Every token, revoked ones included (the admin view). */
	listAllApiTokens(): Promise<ApiTokenRecord[]>;

	/** Atomically adds one to the counter for (key, window start in ms) and returns the new count. */
	incrementRate(key: string, windowStart: number): Promise<number>;
	/** The counter for (key, window start), 0 when none. */
	getRate(key: string, windowStart: number): Promise<number>;
	/** Drops counters whose window started before `before` (ms); returns how many. */
	pruneRates(before: number): Promise<number>;

	createApiToken(t: Omit<ApiTokenRecord, 'revokedAt'>): Promise<void>;
	/** An active (not revoked) token by hash. */
	findApiToken(hash: string): Promise<ApiTokenRecord | undefined>;
	listApiTokens(user: string): Promise<ApiTokenRecord[]>;
	/** Marks the user's token revoked; false when there is no such active token. */
	revokeApiToken(id: string, user: string, at: string): Promise<boolean>;

	/** Creates or replaces an evaluation; the creator and creation time of an existing one are kept. */
	saveEvaluation(e: EvaluationRecord): Promise<void>;
	getEvaluation(id: string): Promise<EvaluationRecord | undefined>;
	/** Newest change first, without the documents. */
	listEvaluations(opts: { createdBy: string; limit?: number }): Promise<EvaluationRow[]>;
	/** Shared snapshots are immutable, like permalinks: a second save of an id keeps the first. */
	saveEvaluationShare(p: StoredPermalink): Promise<'created' | 'exists'>;
	getEvaluationShare(id: string): Promise<StoredPermalink | undefined>;
	/** Files API: who uploaded each file id, so a user sees and touches only their own files. */
	recordFileOwner(fileId: string, user: string, createdAt: string): Promise<void>;
	fileOwner(fileId: string): Promise<string | undefined>;
	/** The user's file ids, newest first. */
	listOwnedFiles(user: string): Promise<string[]>;
	forgetFile(fileId: string): Promise<void>;

	close(): Promise<void>;
}
