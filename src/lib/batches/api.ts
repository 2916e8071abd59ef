import { LABEL_HEADER_NAME, TEMPLATE_HEADER_NAME } from './headers';
import type { MessageBatch } from '$lib/schemas';

/** Browser calls to the playground's batch routes. Failures throw an Error with the API's message. */
async function call<T>(path: string, init?: RequestInit): Promise<T> {
	const res = await fetch(path, init);
	const body = await res.json().catch(() => null);
	if (!res.ok) throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
	return body as T;
}

export interface BatchPage {
	data: MessageBatch[];
	has_more: boolean;
	first_id: string | null;
	last_id: string | null;
}
export type Cursor = { before_id: string } | { after_id: string } | null;

export function listBatches(cursor: Cursor, limit = 20): Promise<BatchPage> {
	const q = new URLSearchParams({ limit: String(limit), ...(cursor ?? {}) });
	return call(`/api/v1/messages/batches?${q}`);
}
export const getBatch = (id: string) => call<MessageBatch>(`/api/v1/messages/batches/${encodeURIComponent(id)}`);
export const cancelBatch = (id: string) => call<MessageBatch>(`/api/v1/messages/batches/${encodeURIComponent(id)}/cancel`, { method: 'POST' });
export const resultsUrl = (id: string) => `/api/v1/messages/batches/${encodeURIComponent(id)}/results`;

export interface IndexEntry {
	label: string;
	creator: string;
}
export async function batchIndex(ids: string[]): Promise<Record<string, IndexEntry>> {
	if (!ids.length) return {};
	return (await call<{ data: Record<string, IndexEntry> }>(`/api/batch-index?ids=${ids.map(encodeURIComponent).join(',')}`)).data;
}

/** Headers carry text only as URI-encoded ASCII; a template too big for a header is not sent. */
const TEMPLATE_HEADER_MAX = 6000;

export function createBatch(requests: { custom_id: string; params: unknown }[], label: string, template: unknown): Promise<MessageBatch> {
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (label) headers[LABEL_HEADER_NAME] = encodeURIComponent(label);
	const t = encodeURIComponent(JSON.stringify(template));
	if (t.length <= TEMPLATE_HEADER_MAX) headers[TEMPLATE_HEADER_NAME] = t;
	return call('/api/v1/messages/batches', { method: 'POST', headers, body: JSON.stringify({ requests }) });
}
