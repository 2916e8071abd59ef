/**
 * Finds a request to open in the editor from the page's `?load=` parameter:
 * `permalink:<id>` (a shared link being forked) or `history:<id>` (a run from local history).
 * Returns the request body, or null.
 */
export async function loadRequestFromParam(param: string | null): Promise<Record<string, unknown> | null> {
	if (!param) return null;
	const [kind, id] = param.split(':', 2);
	if (kind === 'permalink' && id) {
		const res = await fetch(`/api/permalinks/${encodeURIComponent(id)}`);
		if (!res.ok) return null;
		const doc = await res.json();
		return doc?.request ?? null;
	}
	if (kind === 'history' && id) {
		// Loaded on demand: IndexedDB only exists in the browser.
		const { getRun } = await import('./history');
		return (await getRun(id))?.request ?? null;
	}
	return null;
}
