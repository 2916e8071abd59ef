/** The pure half of local history: what an entry holds, how it is searched and what gets evicted. */
export interface HistoryUsage {
	input_tokens: number;
	output_tokens: number;
	cache_creation_input_tokens?: number | null;
	cache_read_input_tokens?: number | null;
}

export interface HistoryEntry {
	id: string;
	/** ms since epoch */
	createdAt: number;
	request: Record<string, unknown>;
	betas: string[];
	model: string;
	/** The first text of the answer, shortened. */
	firstText: string;
	stopReason: string | null;
	error: string | null;
	usage: HistoryUsage | null;
	pinned: boolean;
}

/** What a finished (or failed) run reports to history. */
export interface RunRecord {
	request: Record<string, unknown>;
	betas?: readonly string[];
	/** The assembled message, when there is one. */
	message?: { content: readonly { type: string; text?: string }[]; stop_reason: string | null; usage: HistoryUsage } | null;
	/** Streamed text, for runs that ended before a full message was assembled. */
	text?: string;
	error?: { type: string; message: string } | null;
}

export const MAX_ENTRIES = 500;
const FIRST_TEXT_CHARS = 300;

export function toEntry(run: RunRecord, id: string, now: number): HistoryEntry {
	const fromBlocks = run.message?.content.find((b) => b.type === 'text')?.text;
	return {
		id,
		createdAt: now,
		request: run.request,
		betas: [...(run.betas ?? [])],
		model: typeof run.request.model === 'string' ? run.request.model : '',
		firstText: (fromBlocks ?? run.text ?? '').slice(0, FIRST_TEXT_CHARS),
		stopReason: run.message?.stop_reason ?? null,
		error: run.error ? `${run.error.type}: ${run.error.message}` : null,
		usage: run.message?.usage ?? null,
		pinned: false
	};
}

/** Case-insensitive match on the model, the answer and the prompt text. */
export function matches(entry: HistoryEntry, query: string): boolean {
	const q = query.trim().toLowerCase();
	if (!q) return true;
	return [entry.model, entry.firstText, promptText(entry.request), entry.error ?? ''].some((s) => s.toLowerCase().includes(q));
}

function promptText(request: Record<string, unknown>): string {
	const parts: string[] = [];
	if (typeof request.system === 'string') parts.push(request.system);
	for (const m of Array.isArray(request.messages) ? request.messages : []) {
		const content = (m as { content?: unknown }).content;
		if (typeof content === 'string') parts.push(content);
		else if (Array.isArray(content))
			for (const b of content) if (b && typeof b.text === 'string') parts.push(b.text);
	}
	return parts.join('\n');
}

/** Ids to delete so at most `max` remain: oldest unpinned first; pinned entries are never evicted. */
export function evictions(entries: readonly Pick<HistoryEntry, 'id' | 'createdAt' | 'pinned'>[], max = MAX_ENTRIES): string[] {
	const excess = entries.length - max;
	if (excess <= 0) return [];
	return entries
		.filter((e) => !e.pinned)
		.sort((a, b) => a.createdAt - b.createdAt)
		.slice(0, excess)
		.map((e) => e.id);
}

/** Newest first, pinned above the rest. */
export function sortEntries(entries: readonly HistoryEntry[]): HistoryEntry[] {
	return [...entries].sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.createdAt - a.createdAt);
}
