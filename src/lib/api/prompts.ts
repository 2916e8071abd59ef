// /api/prompts: saved prompts (the server side is being built; this is the browser's typed door).
// Owner of the server route: replace these hand-written types with z.infer of its schema.
import type { Cursor, Page } from './page';
import { getJson, query, segment, sendJson, type CallOptions } from './transport';

export interface SavedPrompt {
	id: string;
	name: string;
	/** The request body as the editor holds it. */
	request: Record<string, unknown>;
	betas?: string[];
	created_at: string;
	updated_at?: string;
	created_by?: string;
}
export type SavedPromptInput = Pick<SavedPrompt, 'name' | 'request' | 'betas'>;

const BASE = '/api/prompts';

export function list(
	cursor: Cursor = null,
	limit = 50,
	options: CallOptions = {}
): Promise<Page<SavedPrompt>> {
	return getJson(`${BASE}${query({ limit, ...(cursor ?? {}) })}`, options);
}

export function create(input: SavedPromptInput, options: CallOptions = {}): Promise<SavedPrompt> {
	return sendJson('POST', BASE, input, options);
}

export function retrieve(id: string, options: CallOptions = {}): Promise<SavedPrompt> {
	return getJson(`${BASE}/${segment(id)}`, options);
}

export function update(
	id: string,
	input: Partial<SavedPromptInput>,
	options: CallOptions = {}
): Promise<SavedPrompt> {
	return sendJson('PATCH', `${BASE}/${segment(id)}`, input, options);
}

function remove(id: string, options: CallOptions = {}): Promise<{ id: string }> {
	return sendJson('DELETE', `${BASE}/${segment(id)}`, undefined, options);
}
export { remove as delete };
