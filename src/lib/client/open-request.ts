/**
 * Finds a request to open in the editor from the page's `?load=` parameter:
 * `permalink:<id>` (a shared link being forked). Returns the request body, or null.
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
	return null;
}
