import { permalinks } from '$lib/api';
import { loadBatchRequest } from './batch-requests';

/**
 * Finds a request to open in the editor from the page's `?load=` parameter:
 * `permalink:<id>` (a shared link being forked), `history:<id>` (a run from local history) or
 * `batch-request:<batchId>:<customId>` (a batch request this browser created). Returns the
 * request body, or null.
 */
export async function loadRequestFromParam(param: string | null): Promise<Record<string, unknown> | null> {
	if (!param) return null;
	const [kind, id] = param.split(':', 2);
	if (kind === 'permalink' && id) {
		// A link that no longer opens leaves the editor as it was (the /p page explains why).
		const doc = await permalinks.retrieve(id).catch(() => null);
		return doc?.request ?? null;
	}
	if (kind === 'batch-request' && id) {
		const customId = param.slice(kind.length + id.length + 2);
		return customId ? loadBatchRequest(id, customId) : null;
	}
	if (kind === 'history' && id) {
		// Loaded on demand: IndexedDB only exists in the browser.
		const { getRun } = await import('./history');
		return (await getRun(id))?.request ?? null;
	}
	return null;
}
