import { permalinks } from '$lib/api';
import type { ComparisonDocument } from '$lib/schemas';
import { loadBatchRequest } from './batch-requests';

/**
 * Finds a request to open in the editor from the page's `?load=` parameter:
 * `permalink:<id>` (a shared link being forked), `history:<id>` (a run from local history) or
 * `batch-request:<batchId>:<customId>` (a batch request this browser created). Returns the
 * request body, or null.
 */
export async function loadRequestFromParam(
	param: string | null
): Promise<Record<string, unknown> | null> {
	if (!param) return null;
	if (param.startsWith('prompt:')) return (await loadPromptParam(param))?.body ?? null;
	const [kind, id] = param.split(':', 2);
	if (kind === 'permalink' && id) {
		// A link that no longer opens leaves the editor as it was (the /p page explains why).
		const doc = await permalinks.retrieve(id).catch(() => null);
		// A shared comparison has one request per column: it opens on its own page, not here.
		return doc && 'request' in doc ? doc.request : null;
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

/** The compare page's `?load=permalink:<id>`: a shared comparison, or null when it does not open. */
export async function loadSharedComparison(param: string): Promise<ComparisonDocument | null> {
	const [kind, id] = param.split(':', 2);
	if (kind !== 'permalink' || !id) return null;
	const doc = await permalinks.retrieve(id).catch(() => null);
	return doc && 'kind' in doc ? doc : null;
}

/** A saved prompt linked to the draft it was opened into, so the next save adds a version. */
export interface PromptLink {
	id: string;
	name: string;
	version: number;
}

/** `prompt:<id>` (the newest version) or `prompt:<id>:<version>`. */
export async function loadPromptParam(param: string): Promise<{
	body: Record<string, unknown>;
	betas: string[];
	apiVersion?: string;
	link: PromptLink;
} | null> {
	const [, id, version] = param.split(':');
	if (!id) return null;
	const { getPrompt } = await import('$lib/api/prompts');
	const prompt = await getPrompt(id).catch(() => null);
	const chosen = prompt?.versions.find((v) => !version || String(v.version) === version);
	if (!prompt || !chosen) return null;
	const newest = prompt.versions[0];
	return {
		body: chosen.document.request,
		betas: chosen.document.betas,
		apiVersion: chosen.document.apiVersion,
		link: { id, name: newest.name, version: newest.version }
	};
}
