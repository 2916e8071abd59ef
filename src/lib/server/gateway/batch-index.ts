import { LABEL_HEADER_NAME, TEMPLATE_HEADER_NAME } from '$lib/batches/headers';
import { getStore } from '../store';

/**
 * Who created which batch through the playground, with its label and template. Backed by the
 * shared store (SQLite or PostgreSQL); routes use only these calls, never the store's rows.
 */
export interface BatchIndexEntry {
	id: string;
	label: string;
	creator: string;
	/** The request template the batch was built from, when the playground built it. */
	template: unknown;
	created_at: string;
}

export async function recordBatch(entry: {
	id: string;
	label: string;
	creator: string;
	template: unknown;
}): Promise<void> {
	const store = await getStore();
	await store.recordBatch({
		batchId: entry.id,
		label: entry.label,
		createdBy: entry.creator,
		template: JSON.stringify(entry.template ?? null),
		createdAt: new Date().toISOString()
	});
}

function parseTemplate(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return null; // written by us, so only a hand-edited row gets here
	}
}

export async function getBatchIndex(
	ids: readonly string[]
): Promise<Record<string, BatchIndexEntry>> {
	const store = await getStore();
	const found = await Promise.all(ids.map((id) => store.getBatch(id)));
	const out: Record<string, BatchIndexEntry> = {};
	for (const r of found)
		if (r)
			out[r.batchId] = {
				id: r.batchId,
				label: r.label,
				creator: r.createdBy,
				template: parseTemplate(r.template),
				created_at: r.createdAt
			};
	return out;
}

const LABEL_MAX = 200;

/**
 * Reads label and template from a create request (SDK calls without them are recorded
 * unlabelled); both are URI-encoded so any text fits a header.
 */
export function batchMetaFromHeaders(headers: Headers): { label: string; template: unknown } {
	const decode = (v: string | null) => {
		try {
			return v ? decodeURIComponent(v) : '';
		} catch {
			return '';
		}
	};
	const label = decode(headers.get(LABEL_HEADER_NAME)).trim().slice(0, LABEL_MAX);
	let template: unknown = null;
	try {
		template = JSON.parse(decode(headers.get(TEMPLATE_HEADER_NAME)) || 'null');
	} catch {
		template = null;
	}
	return { label, template };
}
