import {
	PROMPT_ID,
	PromptDocumentSchema,
	PromptSaveSchema,
	type PromptDetail,
	type PromptSummary,
	type PromptVersion
} from '$lib/schemas';
import { HttpProblem, randomId, validate } from '../http';
import { assertAccess, visibleTo } from '../guard/ownership';
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
