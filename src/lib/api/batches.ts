// /api/v1/messages/batches (the SDK's `client.messages.batches`).
import { LABEL_HEADER_NAME, TEMPLATE_HEADER_NAME } from '$lib/batches/headers';
import type { MessageBatch } from '$lib/schemas';
import type { Cursor, Page } from './page';
import { getJson, query, segment, send, sendJson, type CallOptions } from './transport';

const BASE = '/api/v1/messages/batches';
const one = (id: string) => `${BASE}/${segment(id)}`;

/** Headers carry text only as URI-encoded ASCII; a template too big for a header is not sent. */
const TEMPLATE_HEADER_MAX = 6000;

export interface BatchCreateRequest {
	custom_id: string;
	params: unknown;
}

/** Creates a batch; `label` and `template` go to the playground's batch index (see batches/headers). */
export function create(
	requests: BatchCreateRequest[],
	meta: { label?: string; template?: unknown } = {},
	options: CallOptions = {}
): Promise<MessageBatch> {
	const headers: Record<string, string> = { ...options.headers };
	if (meta.label) headers[LABEL_HEADER_NAME] = encodeURIComponent(meta.label);
	if (meta.template !== undefined) {
		const t = encodeURIComponent(JSON.stringify(meta.template));
		if (t.length <= TEMPLATE_HEADER_MAX) headers[TEMPLATE_HEADER_NAME] = t;
	}
	return sendJson('POST', BASE, { requests }, { ...options, headers });
}

export function list(
	cursor: Cursor = null,
	limit = 20,
	options: CallOptions = {}
): Promise<Page<MessageBatch>> {
	return getJson(`${BASE}${query({ limit, ...(cursor ?? {}) })}`, options);
}

export function retrieve(id: string, options: CallOptions = {}): Promise<MessageBatch> {
	return getJson(one(id), options);
}

export function cancel(id: string, options: CallOptions = {}): Promise<MessageBatch> {
	return sendJson('POST', `${one(id)}/cancel`, undefined, options);
}

/** Deletes an ended batch. */
function remove(id: string, options: CallOptions = {}): Promise<{ id: string; type: string }> {
	return sendJson('DELETE', one(id), undefined, options);
}
export { remove as delete };

/** The results as a 2xx response whose body streams JSONL (read it with batches/lines). */
export function results(id: string, options: CallOptions = {}): Promise<Response> {
	return send(`${one(id)}/results`, { headers: options.headers, signal: options.signal });
}
