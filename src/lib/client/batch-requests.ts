import { idbStore } from './idb';

/**
 * The requests of batches created in this browser, kept in IndexedDB (a batch can be far larger
 * than localStorage allows), so any result can be opened in the playground with its request.
 */
const run = idbStore('playground-batches', 'requests');

type Requests = Record<string, Record<string, unknown>>;

export async function saveBatchRequests(
	batchId: string,
	requests: { custom_id: string; params: Record<string, unknown> }[]
): Promise<void> {
	const byId: Requests = {};
	for (const r of requests) byId[r.custom_id] = r.params;
	try {
		await run('readwrite', (s) => s.put(byId, batchId));
	} catch {
		// private mode or quota: results just can't be opened in the playground later
	}
}

/** Whether this browser holds the requests of a batch. */
export async function hasBatchRequests(batchId: string): Promise<boolean> {
	try {
		return ((await run('readonly', (s) => s.count(batchId))) ?? 0) > 0;
	} catch {
		return false;
	}
}

export async function loadBatchRequest(
	batchId: string,
	customId: string
): Promise<Record<string, unknown> | null> {
	try {
		const all = (await run<Requests | undefined>('readonly', (s) => s.get(batchId))) ?? {};
		return Object.hasOwn(all, customId) ? all[customId] : null;
	} catch {
		return null;
	}
}

/** The playground URL that opens one batch request (see open-request.ts). */
export function batchRequestHref(batchId: string, customId: string): string {
	return `/?load=${encodeURIComponent(`batch-request:${batchId}:${customId}`)}`;
}
