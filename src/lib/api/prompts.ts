import {
	PromptDetailSchema,
	PromptSummarySchema,
	type PromptDetail,
	type PromptSave,
	type PromptSummary
} from '$lib/schemas';

/** The browser's door to /api/prompts. Errors come back as the API's message, thrown. */
async function call<T>(path: string, init: RequestInit, read: (v: unknown) => T): Promise<T> {
	const res = await fetch(path, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
	const body = await res.json().catch(() => null);
	if (!res.ok) throw new Error(body?.error?.message ?? `${res.status} ${res.statusText}`);
	return read(body);
}

export function listPrompts(query = ''): Promise<PromptSummary[]> {
	const q = query.trim() ? `?q=${encodeURIComponent(query.trim())}` : '';
	return call(`/api/prompts${q}`, {}, (v) => PromptSummarySchema.array().parse((v as { data: unknown }).data));
}

export function getPrompt(id: string): Promise<PromptDetail> {
	return call(`/api/prompts/${encodeURIComponent(id)}`, {}, (v) => PromptDetailSchema.parse(v));
}

type Saved = { id: string; version: number };
const asSaved = (v: unknown) => v as Saved;

export function createPrompt(input: PromptSave): Promise<Saved> {
	return call('/api/prompts', { method: 'POST', body: JSON.stringify(input) }, asSaved);
}

export function savePromptVersion(id: string, input: Omit<PromptSave, 'shared'>): Promise<Saved> {
	return call(`/api/prompts/${encodeURIComponent(id)}/versions`, { method: 'POST', body: JSON.stringify(input) }, asSaved);
}
