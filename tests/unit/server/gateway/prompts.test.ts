import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpProblem } from '$lib/server/http';
import {
	addPromptVersion,
	createPrompt,
	getPrompt,
	listPrompts
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
