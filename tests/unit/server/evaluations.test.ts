import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../src/lib/server/store';
import { HttpProblem } from '../../../src/lib/server/http';
import {
	createEvaluation,
	getEvaluation,
	listEvaluations,
	readEvaluationShare,
	shareEvaluation,
	updateEvaluation
} from '../../../src/lib/server/gateway/evaluations';
import type { EvaluationInput } from '../../../src/lib/schemas/evaluation';

const input: EvaluationInput = {
	name: 'Weather by city',
	versions: [
		{
			id: 'a',
			label: 'A',
			template: {
				model: 'claude-sonnet-5-5',
				max_tokens: 100,
				messages: [{ role: 'user', content: 'Weather in {{city}}?' }]
			}
		}
	],
	cases: [{ id: 'c1', vars: { city: 'Paris' } }],
	rubric: 'Be right.',
	runs: []
};

let store: Store;
let dir: string;
beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'evaluations-'));
	store = await openStore({ sqliteFile: join(dir, 's.sqlite') });
});
afterAll(async () => {
	await store.close();
	rmSync(dir, { recursive: true, force: true });
});

async function problem(p: Promise<unknown>): Promise<HttpProblem> {
	const e = await p.then(
		() => null,
		(err: unknown) => err
	);
	expect(e).toBeInstanceOf(HttpProblem);
	return e as HttpProblem;
}

describe('evaluations service', () => {
	it('creates, reads back, lists and updates an evaluation for its owner', async () => {
		const created = await createEvaluation(store, input, 'ana', new Date('2026-11-30T10:00:00Z'));
		expect(created).toMatchObject({
			...input,
			createdBy: 'ana',
			updatedBy: 'ana',
			createdAt: '2026-11-30T10:00:00.000Z'
		});
		expect(await getEvaluation(store, created.id, 'ana')).toEqual(created);
		const updated = await updateEvaluation(
			store,
			created.id,
			{ ...input, name: 'Renamed' },
			'ana',
			new Date('2026-11-30T11:00:00Z')
		);
		expect(updated).toMatchObject({
			name: 'Renamed',
			createdAt: created.createdAt,
			updatedAt: '2026-11-30T11:00:00.000Z'
		});
		expect((await listEvaluations(store, 'ana')).map((e) => e.name)).toContain('Renamed');
	});

	it('hides an evaluation from everyone but its owner', async () => {
		const created = await createEvaluation(store, input, 'ana');
		expect((await problem(getEvaluation(store, created.id, 'bob'))).status).toBe(404);
		expect((await problem(updateEvaluation(store, created.id, input, 'bob'))).status).toBe(404);
		expect((await problem(shareEvaluation(store, created.id, 'bob'))).status).toBe(404);
		expect(await listEvaluations(store, 'bob')).toEqual([]);
		expect((await getEvaluation(store, created.id, 'ana')).name).toBe(input.name);
	});

	it('refuses a malformed evaluation with the field named', async () => {
		const p = await problem(createEvaluation(store, { ...input, versions: [] }, 'ana'));
		expect(p.status).toBe(400);
		expect(p.message).toMatch(/^versions/);
	});

	it('strips key-shaped strings before saving', async () => {
		const leaky = { ...input, rubric: 'use sk-ant-api03-abcdefghijkl please' };
		const created = await createEvaluation(store, leaky, 'ana');
		expect(created.rubric).toBe('use [redacted] please');
	});

	it('shares an immutable snapshot anyone can read, with the same id for the same content', async () => {
		const created = await createEvaluation(store, input, 'ana');
		const share = await shareEvaluation(store, created.id, 'ana');
		expect(await shareEvaluation(store, created.id, 'ana')).toEqual(share);
		await updateEvaluation(store, created.id, { ...input, name: 'Changed later' }, 'ana');
		const read = await readEvaluationShare(store, share.id);
		expect(read.evaluation.name).toBe(input.name);
		expect(read.sharedBy).toBe('ana');
		expect((await problem(readEvaluationShare(store, 'nope'))).status).toBe(404);
	});
});
