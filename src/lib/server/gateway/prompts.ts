import {
	PROMPT_ID,
	PromptDocumentSchema,
	PromptRenameSchema,
	PromptSaveSchema,
	type PromptDetail,
	type PromptSummary,
	type PromptVersion
} from '$lib/schemas';
import { HttpProblem, randomId, validate } from '../http';
import { assertAccess, ownershipEnforced, visibleTo } from '../guard/ownership';
import type { PromptRecord, PromptVersionRecord, Store } from '../store/types';

/** A saved prompt is small: a request being edited, not a run with its events. */
export const MAX_PROMPT_BYTES = 1024 * 1024;

const owned = (p: PromptRecord) => ({ owner: p.owner, shared: p.shared });

function toVersion(v: PromptVersionRecord): PromptVersion {
	const document = PromptDocumentSchema.parse(JSON.parse(v.document));
	return {
		version: v.version,
		name: v.name,
		document,
		created_by: v.createdBy,
		created_at: v.createdAt
	};
}

function modelOf(document: string): string | null {
	try {
		const model = JSON.parse(document)?.request?.model;
		return typeof model === 'string' ? model : null;
	} catch {
		return null;
	}
}

async function findPrompt(
	store: Store,
	id: string,
	user: string,
	access: 'read' | 'write'
): Promise<PromptRecord> {
	const prompt = PROMPT_ID.test(id) ? await store.prompts.get(id) : undefined;
	if (!prompt)
		throw new HttpProblem('not_found_error', `No saved prompt with id ${JSON.stringify(id)}`);
	// A prompt shared with the team may be versioned by anyone on it; a private one by its owner.
	const needed = access === 'write' && prompt?.shared ? 'read' : access;
	assertAccess(owned(prompt), user, { kind: 'saved prompt', id }, needed);
	return prompt;
}

/** Saves a request under a name as a new prompt (version 1). */
export async function createPrompt(store: Store, body: unknown, user: string, now = new Date()) {
	const input = validate(PromptSaveSchema, body);
	const { name, shared, ...document } = input;
	const prompt: PromptRecord = {
		id: randomId(12),
		owner: user,
		shared: shared ?? true,
		createdAt: now.toISOString()
	};
	const first = await store.prompts.create(prompt, {
		name,
		document: JSON.stringify(document),
		createdBy: user,
		createdAt: prompt.createdAt
	});
	return { id: prompt.id, version: first.version };
}

/** Saves the next version of an existing prompt: nothing earlier is changed. */
export async function addPromptVersion(
	store: Store,
	id: string,
	body: unknown,
	user: string,
	now = new Date()
) {
	await findPrompt(store, id, user, 'write');
	const { name, shared, ...document } = validate(PromptSaveSchema, body);
	if (shared !== undefined)
		throw new HttpProblem(
			'invalid_request_error',
			'shared is set when a prompt is created, not per version'
		);
	const saved = await store.prompts.addVersion(id, {
		name,
		document: JSON.stringify(document),
		createdBy: user,
		createdAt: now.toISOString()
	});
	return { id, version: saved.version };
}

export async function getPrompt(store: Store, id: string, user: string): Promise<PromptDetail> {
	const prompt = await findPrompt(store, id, user, 'read');
	const versions = await store.prompts.versions(id);
	return { id, owner: prompt.owner, shared: prompt.shared, versions: versions.map(toVersion) };
}

/** The prompts `user` may see, newest change first; `query` matches name, model or who changed it. */
export async function listPrompts(
	store: Store,
	user: string,
	query = ''
): Promise<PromptSummary[]> {
	const all = visibleTo(await store.prompts.list(), owned, user);
	const needle = query.trim().toLowerCase();
	const rows = all.map((p) => ({
		id: p.id,
		name: p.latest.name,
		owner: p.owner,
		shared: p.shared,
		version: p.latest.version,
		updated_by: p.latest.createdBy,
		updated_at: p.latest.createdAt,
		model: modelOf(p.latest.document)
	}));
	if (!needle) return rows;
	return rows.filter((r) =>
		[r.name, r.model ?? '', r.updated_by, r.owner].some((s) => s.toLowerCase().includes(needle))
	);
}

/** Renaming and deleting belong to the owner, even on a prompt the team may version. */
async function findOwnPrompt(store: Store, id: string, user: string, action: string) {
	const prompt = await findPrompt(store, id, user, 'read');
	if (ownershipEnforced() && prompt.owner !== user)
		throw new HttpProblem(
			'permission_error',
			`Only the owner of saved prompt ${id} (${prompt.owner}) may ${action} it`
		);
	return prompt;
}

/**
 * Renames a prompt. Versions are never edited, so the new name is recorded as the next version
 * (same request): the list then shows who renamed it and when, and the history keeps old names.
 */
export async function renamePrompt(
	store: Store,
	id: string,
	body: unknown,
	user: string,
	now = new Date()
) {
	const { name } = validate(PromptRenameSchema, body);
	await findOwnPrompt(store, id, user, 'rename');
	const [latest] = await store.prompts.versions(id);
	if (!latest) throw new HttpProblem('not_found_error', `Saved prompt ${id} has no versions`);
	if (latest.name === name) return { id, name, version: latest.version };
	const saved = await store.prompts.addVersion(id, {
		name,
		document: latest.document,
		createdBy: user,
		createdAt: now.toISOString()
	});
	return { id, name, version: saved.version };
}

/** Deletes a prompt with every version (its owner only); permalinks made from it stay. */
export async function deletePrompt(store: Store, id: string, user: string) {
	await findOwnPrompt(store, id, user, 'delete');
	if (!(await store.prompts.remove(id)))
		throw new HttpProblem('not_found_error', `No saved prompt with id ${JSON.stringify(id)}`);
	return { id, type: 'prompt_deleted' as const };
}
