// GET /api/batch-index: who created batches through the playground, and their labels.
import { getJson, query, type CallOptions } from './transport';

export interface BatchIndexEntry {
	label: string;
	creator: string;
	created_at?: string;
	/** Only with `includeTemplate`. */
	template?: unknown;
}

/** The index entries of `ids` that the playground knows (unknown ids are left out). */
export async function lookup(
	ids: string[],
	params: { includeTemplate?: boolean } = {},
	options: CallOptions = {}
): Promise<Record<string, BatchIndexEntry>> {
	if (!ids.length) return {};
	const q = query({ ids: ids.join(','), include: params.includeTemplate ? 'template' : undefined });
	return (await getJson<{ data: Record<string, BatchIndexEntry> }>(`/api/batch-index${q}`, options))
		.data;
}
