import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { resetConfig } from '$lib/server/config';
import {
	createPermalink,
	parseStoredDocument,
	readPermalink
} from '$lib/server/gateway/permalinks/service';
import { openStore, type Store } from '$lib/server/store';
import { CANARY_KEY } from '../../support/servers';

const request = (model: string, extra: Record<string, unknown> = {}) => ({
	model,
	max_tokens: 256,
	messages: [{ role: 'user', content: 'Compare me' }],
	...extra
});
const answer = (model: string, text: string) => ({
	id: `msg_${model}`,
	type: 'message',
	role: 'assistant',
	model,
	content: [{ type: 'text', text }],
	stop_reason: 'end_turn',
	stop_sequence: null,
	usage: { input_tokens: 3, output_tokens: 2 }
});
const column = (label: string, model: string, extra: Record<string, unknown> = {}) => ({
	label,
	api_version: '2023-06-01',
	request: request(model, extra),
	result: { message: answer(model, `- answer ${label}`), error: null }
});

describe('a shared comparison', () => {
	let store: Store;
	let dir: string;
	beforeAll(async () => {
		vi.stubEnv('ANTHROPIC_API_KEY', CANARY_KEY);
		resetConfig();
		dir = mkdtempSync(join(tmpdir(), 'comparison-test-'));
		store = await openStore({ sqliteFile: join(dir, 'c.sqlite') });
	});
	afterAll(async () => {
		vi.unstubAllEnvs();
		resetConfig();
		await store.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('is saved once, content-addressed, and read back with every column', async () => {
		const body = {
			kind: 'comparison',
			prompt: 'Compare me',
			columns: [
				column('A', 'claude-sonnet-5-5', { thinking: { type: 'adaptive' } }),
				column('B', 'claude-haiku-5-5', { output_config: { effort: 'low' } }),
				column('C', 'claude-opus-5', { tools: [{ name: 't', input_schema: { type: 'object' } }] })
			]
		};
		const first = await createPermalink(store, body, 'ana');
		expect(first.created).toBe(true);
		expect((await createPermalink(store, body, 'bo')).id).toBe(first.id);
		const lookup = await readPermalink(store, first.id);
		expect(lookup.kind).toBe('found');
		const doc = lookup.kind === 'found' ? lookup.document : null;
		expect(doc && 'kind' in doc && doc.columns.map((c) => c.request.model)).toEqual([
			'claude-sonnet-5-5',
			'claude-haiku-5-5',
			'claude-opus-5'
		]);
		expect(doc).toMatchObject({ kind: 'comparison', prompt: 'Compare me', created_by: 'ana' });
	});

	it('never holds the server key, wherever it was pasted', async () => {
		const leaky = column('B', 'claude-haiku-5-5', { system: `key ${CANARY_KEY}` });
		leaky.result.message.content[0].text = `echo ${CANARY_KEY}`;
		const { id } = await createPermalink(
			store,
			{
				kind: 'comparison',
				prompt: CANARY_KEY,
				columns: [column('A', 'claude-sonnet-5-5'), leaky]
			},
			'ana'
		);
		const row = await store.getPermalink(id);
		expect(row?.document).not.toContain(CANARY_KEY);
		expect(row?.document).toContain('[redacted]');
	});

	it('refuses fewer than two columns or a bad column request with a 400 naming the field', async () => {
		const one = { kind: 'comparison', prompt: 'x', columns: [column('A', 'claude-sonnet-5-5')] };
		await expect(createPermalink(store, one, 'ana')).rejects.toMatchObject({
			status: 400,
			message: expect.stringMatching(/columns/)
		});
		const bad = column('B', 'claude-sonnet-5-5', { max_tokens: 'lots' });
		await expect(
			createPermalink(
				store,
				{ kind: 'comparison', prompt: 'x', columns: [column('A', 'm'), bad] },
				'ana'
			)
		).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/max_tokens/) });
	});

	it('reports a damaged stored comparison as unreadable, naming what is wrong', () => {
		const stored = {
			version: 1,
			kind: 'comparison',
			id: 'abcdefghij',
			created_at: '2026-01-01T00:00:00.000Z',
			created_by: 'ana',
			prompt: 'x',
			columns: [column('A', 'm'), { label: 'B' }]
		};
		const lookup = parseStoredDocument(JSON.stringify(stored));
		expect(lookup.kind).toBe('unreadable');
		expect(lookup.kind === 'unreadable' && lookup.reason).toMatch(/columns/);
	});
});
