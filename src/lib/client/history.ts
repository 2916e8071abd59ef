import {
	evictions,
	matches,
	sortEntries,
	toEntry,
	type HistoryEntry,
	type RunRecord
} from './history-logic';
import { idbStore } from './idb';

export type { HistoryEntry, RunRecord };

/**
 * Local run history in the browser's IndexedDB (per browser profile, never sent anywhere).
 * Bounded: after each record the oldest unpinned entries beyond MAX_ENTRIES are dropped.
 */
const tx = idbStore('messages-playground', 'runs', { keyPath: 'id' });

export async function recordRun(run: RunRecord): Promise<HistoryEntry> {
	// Snapshot: requests may be reactive proxies, which IndexedDB cannot clone. The entry, not the
	// run: a long stream's event log (dropped by toEntry) would make this copy a long task.
	const entry: HistoryEntry = JSON.parse(
		JSON.stringify(toEntry(run, crypto.randomUUID(), Date.now()))
	);
	await tx('readwrite', (s) => s.put(entry));
	const drop = evictions(await allRuns());
	if (drop.length) await tx('readwrite', (s) => void drop.forEach((id) => s.delete(id)));
	return entry;
}

async function allRuns(): Promise<HistoryEntry[]> {
	return (await tx('readonly', (s) => s.getAll() as IDBRequest<HistoryEntry[]>)) ?? [];
}

/** Pinned first, then newest first. */
export async function listRuns(): Promise<HistoryEntry[]> {
	return sortEntries(await allRuns());
}

export async function searchRuns(query: string): Promise<HistoryEntry[]> {
	return (await listRuns()).filter((e) => matches(e, query));
}

export async function getRun(id: string): Promise<HistoryEntry | undefined> {
	return tx('readonly', (s) => s.get(id) as IDBRequest<HistoryEntry | undefined>);
}

export async function deleteRun(id: string): Promise<void> {
	await tx('readwrite', (s) => void s.delete(id));
}

export async function clearRuns(): Promise<void> {
	await tx('readwrite', (s) => void s.clear());
}

/** Flips the pin; returns the new state, or undefined when there is no such entry. */
export async function togglePin(id: string): Promise<boolean | undefined> {
	const entry = await getRun(id);
	if (!entry) return undefined;
	await tx('readwrite', (s) => void s.put({ ...entry, pinned: !entry.pinned }));
	return !entry.pinned;
}
