import type { Message } from '$lib/schemas';
import type { Usage } from '$lib/schemas/usage';

/** The pure half of local history: what an entry holds, how it is searched and what gets evicted. */

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
	usage: Usage | null;
	pinned: boolean;
	/** How the run ended; absent in entries saved before stopped runs were kept. */
	status?: RunEnd;
	/** The first user text, shortened: what the row shows. */
	prompt?: string;
	/** The answer as it stood when the run ended (partial when stopped), for Open to restore. */
	result?: StoredResult;
}

export type RunEnd = 'done' | 'error' | 'stopped';

/** The answer kept with an entry: the same shape a permalink's result has. */
export interface StoredResult {
	message: Message | null;
	events?: { event: string; data: string; at: number }[];
	error?: { type: string; message: string } | null;
}

/** Event logs up to this many characters are kept with the entry; longer ones are dropped. */
export const MAX_STORED_EVENT_CHARS = 256 * 1024;

/** What a finished (or failed) run reports to history. */
export interface RunRecord {
	request: Record<string, unknown>;
	betas?: readonly string[];
	/** The assembled message, when there is one. */
	message?: {
		content: readonly { type: string; text?: string }[];
		stop_reason: string | null;
		usage: Usage;
	} | null;
	/** Streamed text, for runs that ended before a full message was assembled. */
	text?: string;
	error?: { type: string; message: string } | null;
	status?: RunEnd;
	/** The SSE events as received; kept only when small enough. */
	events?: readonly { event: string; data: string; at: number }[];
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
		pinned: false,
		status: run.status ?? (run.error ? 'error' : 'done'),
		prompt: firstUserText(run.request).slice(0, FIRST_TEXT_CHARS),
		...(run.message || run.error ? { result: storedResult(run) } : {})
	};
}

function storedResult(run: RunRecord): StoredResult {
	const events = run.events ?? [];
	return {
		// The run's own assembled message (a full Message; RunRecord only names what history reads).
		message: (run.message ?? null) as Message | null,
		error: run.error ?? null,
		...(events.length && isSmallLog(events) ? { events: events.map((e) => ({ ...e })) } : {})
	};
}

/** Stops counting at the limit: a 100,000-event log is not summed to learn it is too big. */
function isSmallLog(events: readonly { event: string; data: string }[]): boolean {
	let size = 0;
	for (const e of events) {
		size += e.data.length + e.event.length;
		if (size > MAX_STORED_EVENT_CHARS) return false;
	}
	return true;
}

function firstUserText(request: Record<string, unknown>): string {
	const first = (Array.isArray(request.messages) ? request.messages : []).find(
		(m) => (m as { role?: unknown })?.role === 'user'
	);
	const content = (first as { content?: unknown } | undefined)?.content;
	if (typeof content === 'string') return content;
	const block = Array.isArray(content)
		? content.find((b) => typeof b?.text === 'string')
		: undefined;
	return block?.text ?? '';
}

/** Case-insensitive match on the model, the answer and the prompt text. */
export function matches(entry: HistoryEntry, query: string): boolean {
	const q = query.trim().toLowerCase();
	if (!q) return true;
	return [entry.model, entry.firstText, promptText(entry.request), entry.error ?? ''].some((s) =>
		s.toLowerCase().includes(q)
	);
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
export function evictions(
	entries: readonly Pick<HistoryEntry, 'id' | 'createdAt' | 'pinned'>[],
	max = MAX_ENTRIES
): string[] {
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
	return [...entries].sort(
		(a, b) => Number(b.pinned) - Number(a.pinned) || b.createdAt - a.createdAt
	);
}
