// /api/prompts: the team's saved prompts, each a list of versions (see gateway/prompts.ts).
import {
	PromptDetailSchema,
	PromptSummarySchema,
	type PromptDetail,
	type PromptSave,
	type PromptSummary
} from '$lib/schemas';
import { getJson, query, segment, sendJson, type CallOptions } from './transport';

type Saved = { id: string; version: number };

export async function listPrompts(
	search = '',
	options: CallOptions = {}
): Promise<PromptSummary[]> {
	const page = await getJson<{ data: unknown }>(
		`/api/prompts${query({ q: search.trim() || undefined })}`,
		options
	);
	return PromptSummarySchema.array().parse(page.data);
}

export async function getPrompt(id: string, options: CallOptions = {}): Promise<PromptDetail> {
	return PromptDetailSchema.parse(await getJson(`/api/prompts/${segment(id)}`, options));
}

export function createPrompt(input: PromptSave, options: CallOptions = {}): Promise<Saved> {
	return sendJson('POST', '/api/prompts', input, options);
}

export function savePromptVersion(
	id: string,
	input: Omit<PromptSave, 'shared'>,
	options: CallOptions = {}
): Promise<Saved> {
	return sendJson('POST', `/api/prompts/${segment(id)}/versions`, input, options);
}

/** The prompt's owner only; recorded as the next version, so the history keeps the old name. */
export function renamePrompt(
	id: string,
	name: string,
	options: CallOptions = {}
): Promise<Saved & { name: string }> {
	return sendJson('PATCH', `/api/prompts/${segment(id)}`, { name }, options);
}

/** The prompt's owner only: the prompt and every version are gone. */
export function deletePrompt(
	id: string,
	options: CallOptions = {}
): Promise<{ id: string; type: 'prompt_deleted' }> {
	return sendJson('DELETE', `/api/prompts/${segment(id)}`, undefined, options);
}
