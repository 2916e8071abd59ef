import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { resetConfig } from '$lib/server/config';
import { HttpProblem } from '$lib/server/http';
import {
	addPromptVersion,
	createPrompt,
	deletePrompt,
	getPrompt,
	listPrompts,
	renamePrompt
} from '$lib/server/gateway/prompts';
import { openStore, type Store } from '$lib/server/store';

const request = (text: string, model = 'claude-sonnet-4-5') => ({
	model,
	max_tokens: 100,
	messages: [{ role: 'user', content: text }]
});

describe('saved prompts (SQLite)', () => {
	let store: Store;
	let dir: string;
	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'prompts-test-'));
		store = await openStore({ sqliteFile: join(dir, 'p.sqlite') });
	});
	afterAll(async () => {
		await store.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('keeps every save as a new version with who and when, newest first', async () => {
		const { id, version } = await createPrompt(
			store,
			{ name: 'Triage', request: request('v1 text') },
			'ada',
			new Date('2026-01-01T00:00:00Z')
		);
		expect(version).toBe(1);
		const second = await addPromptVersion(
			store,
			id,
			{ name: 'Triage', request: request('v2 text'), betas: ['x-1'] },
			'bob',
			new Date('2026-01-02T00:00:00Z')
		);
		expect(second.version).toBe(2);

		const detail = await getPrompt(store, id, 'ada');
		expect(detail.owner).toBe('ada');
		expect(detail.versions.map((v) => [v.version, v.created_by, v.created_at])).toEqual([
			[2, 'bob', '2026-01-02T00:00:00.000Z'],
			[1, 'ada', '2026-01-01T00:00:00.000Z']
		]);
		expect(detail.versions[1].document.request).toEqual(request('v1 text'));
		expect(detail.versions[0].document.betas).toEqual(['x-1']);
	});

	it('lists each prompt once with its latest change and finds it by name, model or person', async () => {
		const { id } = await createPrompt(
			store,
			{ name: 'Summarise tickets', request: request('a', 'claude-haiku-4-5') },
			'cy'
		);
		await addPromptVersion(
			store,
			id,
			{ name: 'Summarise tickets v2', request: request('b', 'claude-haiku-4-5') },
			'dee'
		);
		const all = await listPrompts(store, 'anyone');
		const row = all.find((r) => r.id === id)!;
		expect(all.filter((r) => r.id === id)).toHaveLength(1);
		expect(row).toMatchObject({
			name: 'Summarise tickets v2',
			version: 2,
			updated_by: 'dee',
			owner: 'cy',
			model: 'claude-haiku-4-5'
		});
		expect((await listPrompts(store, 'x', 'SUMMARISE')).map((r) => r.id)).toEqual([id]);
		expect((await listPrompts(store, 'x', 'dee')).map((r) => r.id)).toEqual([id]);
		expect((await listPrompts(store, 'x', 'haiku-4')).map((r) => r.id)).toEqual([id]);
		expect(await listPrompts(store, 'x', 'no such words')).toEqual([]);
	});

	it('refuses bad input and unknown prompts with clear API errors', async () => {
		await expect(createPrompt(store, { name: '  ', request: request('x') }, 'ada')).rejects.toThrow(
			/name must not be empty/
		);
		await expect(
			createPrompt(store, { name: 'n', request: 'not an object' }, 'ada')
		).rejects.toBeInstanceOf(HttpProblem);
		const missing = getPrompt(store, 'AAAAAAAAAAAA', 'ada');
		await expect(missing).rejects.toMatchObject({ type: 'not_found_error' });
		await expect(
			addPromptVersion(store, '../etc', { name: 'n', request: {} }, 'ada')
		).rejects.toMatchObject({ status: 404 });
	});
});

describe('renaming and deleting saved prompts (gate on: ada and bob)', () => {
	let store: Store;
	let dir: string;
	beforeAll(async () => {
		vi.stubEnv('PLAYGROUND_USERS', 'ada:ada-secret-1,bob:bob-secret-1');
		vi.stubEnv('ORIGIN', 'http://x.test');
		resetConfig();
		dir = mkdtempSync(join(tmpdir(), 'prompts-owner-test-'));
		store = await openStore({ sqliteFile: join(dir, 'p.sqlite') });
	});
	afterAll(async () => {
		vi.unstubAllEnvs();
		resetConfig();
		await store.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('records a rename as the next version with the same request, by who renamed it', async () => {
		const { id } = await createPrompt(store, { name: 'Old name', request: request('same') }, 'ada');
		const renamed = await renamePrompt(store, id, { name: '  New name ' }, 'ada');
		expect(renamed).toEqual({ id, name: 'New name', version: 2 });
		const detail = await getPrompt(store, id, 'ada');
		expect(detail.versions.map((v) => [v.version, v.name, v.created_by])).toEqual([
			[2, 'New name', 'ada'],
			[1, 'Old name', 'ada']
		]);
		expect(detail.versions[0].document).toEqual(detail.versions[1].document);
		// The same name again changes nothing.
		expect(await renamePrompt(store, id, { name: 'New name' }, 'ada')).toMatchObject({
			version: 2
		});
		expect((await listPrompts(store, 'ada')).find((r) => r.id === id)?.name).toBe('New name');
	});

	it('refuses a bad name, an unknown prompt, and anyone but the owner, in the API error shape', async () => {
		const { id } = await createPrompt(store, { name: 'Team prompt', request: request('t') }, 'ada');
		await expect(renamePrompt(store, id, { name: ' ' }, 'ada')).rejects.toMatchObject({
			status: 400,
			message: expect.stringMatching(/name must not be empty/)
		});
		await expect(renamePrompt(store, id, { title: 'x' }, 'ada')).rejects.toMatchObject({
			status: 400
		});
		await expect(renamePrompt(store, id, 'not json object', 'ada')).rejects.toMatchObject({
			status: 400
		});
		// Shared with the team: bob may read and version it, not rename or delete it.
		await expect(renamePrompt(store, id, { name: 'Mine now' }, 'bob')).rejects.toMatchObject({
			status: 403,
			type: 'permission_error',
			message: expect.stringMatching(/Only the owner .*\(ada\) may rename/)
		});
		await expect(deletePrompt(store, id, 'bob')).rejects.toMatchObject({ status: 403 });
		const secret = await createPrompt(
			store,
			{ name: 'Private', request: request('p'), shared: false },
			'ada'
		);
		// A private prompt of someone else is reported exactly like a missing one.
		await expect(deletePrompt(store, secret.id, 'bob')).rejects.toMatchObject({ status: 404 });
		await expect(deletePrompt(store, 'AAAAAAAAAAAA', 'ada')).rejects.toMatchObject({
			status: 404,
			type: 'not_found_error'
		});
		await expect(renamePrompt(store, '../x', { name: 'n' }, 'ada')).rejects.toMatchObject({
			status: 404
		});
		expect((await getPrompt(store, id, 'ada')).versions).toHaveLength(1);
	});

	it('deletes a prompt with every version for its owner; it is then gone everywhere', async () => {
		const { id } = await createPrompt(store, { name: 'Doomed', request: request('d') }, 'ada');
		await addPromptVersion(store, id, { name: 'Doomed', request: request('d2') }, 'bob');
		expect(await deletePrompt(store, id, 'ada')).toEqual({ id, type: 'prompt_deleted' });
		await expect(getPrompt(store, id, 'ada')).rejects.toMatchObject({ status: 404 });
		expect((await listPrompts(store, 'ada')).map((r) => r.id)).not.toContain(id);
		await expect(deletePrompt(store, id, 'ada')).rejects.toMatchObject({ status: 404 });
	});
});
