/**
 * Table types for Kysely. Times are ISO-8601 text (sorts correctly and reads the same in both
 * dialects); JSON is text so a document comes back byte-for-byte as saved. Counters are bigint:
 * Postgres hands those back as strings, so the store converts with Number().
 */
export interface Database {
	permalinks: { id: string; document: string; created_at: string; created_by: string };
	batches: {
		batch_id: string;
		label: string;
		created_by: string;
		template: string;
		created_at: string;
	};
	usage_ledger: {
		user_id: string;
		day: string;
		input_tokens: number | string;
		output_tokens: number | string;
		reserved_tokens: number | string;
	};
	rate_counters: { key: string; window_start: number | string; count: number | string };
	api_tokens: {
		id: string;
		user_id: string;
		name: string;
		hash: string;
		created_at: string;
		revoked_at: string | null;
	};
	/** Saved prompts (see prompt-store.ts): the prompt, then one row per save. */
	prompts: { id: string; owner: string; shared: number; created_at: string };
	prompt_versions: {
		prompt_id: string;
		version: number | string;
		name: string;
		document: string;
		created_by: string;
		created_at: string;
	};
	sessions: {
		id_hash: string;
		user_id: string;
		created_at: string;
		expires_at: string;
		revoked_at: string | null;
		address: string;
	};
	batch_reservations: {
		batch_id: string;
		user_id: string;
		day: string;
		reserved_tokens: number | string;
		settled_at: string | null;
	};
	evaluations: {
		id: string;
		name: string;
		document: string;
		created_by: string;
		updated_by: string;
		created_at: string;
		updated_at: string;
	};
	evaluation_shares: { id: string; document: string; created_at: string; created_by: string };
	file_owners: { file_id: string; user_id: string; created_at: string };
	slot_leases: { id: string; slot_key: string; holder: string; expires_at: number | string };
	/** Invited users with their own secret (identity-store.ts). */
	members: {
		name_key: string;
		name: string;
		secret_hash: string;
		created_at: string;
		updated_at: string;
	};
	invites: {
		id: string;
		token_hash: string;
		name: string;
		name_key: string;
		created_by: string;
		created_at: string;
		expires_at: string;
		used_at: string | null;
		revoked_at: string | null;
	};
}
