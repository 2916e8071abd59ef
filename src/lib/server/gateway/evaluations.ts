import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { describeIssues } from '$lib/schemas';
import {
	EVALUATION_ID,
	EvaluationInputSchema,
	EvaluationSchema,
	EvaluationShareSchema,
	type Evaluation,
	type EvaluationShare,
	type EvaluationSummary
} from '$lib/schemas/evaluation';
import { serverSecrets } from '../config';
import { HttpProblem, validate } from '../http';
import type { Store } from '../store/types';
import { contentId } from './permalinks/id';
import { stripSecrets } from './permalinks/sanitize';

/** A grid of 1,000 cases × 4 versions with their answers fits; a runaway client does not. */
export const MAX_EVALUATION_BYTES = 16 * 1024 * 1024;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function newId(): string {
	return [...randomBytes(10)].map((b) => BASE62[b % 62]).join('');
}

function notFound(id: string): HttpProblem {
	return new HttpProblem('not_found_error', `No evaluation with id ${JSON.stringify(id)}`);
}

function parseStored<S extends z.ZodType>(text: string, schema: S, what: string): z.infer<S> {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		throw new HttpProblem(
			'invalid_request_error',
			`The stored ${what} is not valid JSON (it is damaged)`,
			422
		);
	}
	const parsed = schema.safeParse(raw);
	if (!parsed.success)
		throw new HttpProblem(
			'invalid_request_error',
			`The stored ${what} is damaged: ${describeIssues(parsed.error)}`,
			422
		);
	return parsed.data;
}

/** Saves a new evaluation owned by `user`. */
export async function createEvaluation(
	store: Store,
	body: unknown,
	user: string,
	now = new Date()
): Promise<Evaluation> {
	const input = stripSecrets(validate(EvaluationInputSchema, body), serverSecrets());
	const at = now.toISOString();
	const evaluation: Evaluation = {
		...input,
		id: newId(),
		createdBy: user,
		updatedBy: user,
		createdAt: at,
		updatedAt: at
	};
	await save(store, evaluation);
	return evaluation;
}

/** Replaces an evaluation's content; only its owner may, and to anyone else it does not exist. */
export async function updateEvaluation(
	store: Store,
	id: string,
	body: unknown,
	user: string,
	now = new Date()
): Promise<Evaluation> {
	const current = await getEvaluation(store, id, user);
	const input = stripSecrets(validate(EvaluationInputSchema, body), serverSecrets());
	const evaluation: Evaluation = {
		...current,
		...input,
		updatedBy: user,
		updatedAt: now.toISOString()
	};
	await save(store, evaluation);
	return evaluation;
}

async function save(store: Store, e: Evaluation): Promise<void> {
	await store.saveEvaluation({
		id: e.id,
		name: e.name,
		document: JSON.stringify(e),
		createdBy: e.createdBy,
		updatedBy: e.updatedBy,
		createdAt: e.createdAt,
		updatedAt: e.updatedAt
	});
}

export async function getEvaluation(store: Store, id: string, user: string): Promise<Evaluation> {
	if (!EVALUATION_ID.test(id)) throw notFound(id);
	const row = await store.getEvaluation(id);
	if (!row || row.createdBy !== user) throw notFound(id);
	return parseStored(row.document, EvaluationSchema, 'evaluation');
}

export async function listEvaluations(store: Store, user: string): Promise<EvaluationSummary[]> {
	const rows = await store.listEvaluations({ createdBy: user });
	return rows.map(({ id, name, createdBy, updatedBy, updatedAt }) => ({
		id,
		name,
		createdBy,
		updatedBy,
		updatedAt
	}));
}

/** Freezes the evaluation as it is now; the same content always gets the same share id. */
export async function shareEvaluation(
	store: Store,
	id: string,
	user: string,
	now = new Date()
): Promise<EvaluationShare> {
	const evaluation = await getEvaluation(store, id, user);
	const shareId = contentId({ kind: 'evaluation', evaluation });
	const share: EvaluationShare = {
		id: shareId,
		evaluation,
		sharedAt: now.toISOString(),
		sharedBy: user
	};
	const status = await store.saveEvaluationShare({
		id: shareId,
		document: JSON.stringify(share),
		createdAt: share.sharedAt,
		createdBy: user
	});
	return status === 'created' ? share : await readEvaluationShare(store, shareId);
}

/** Anyone with the link may read a share; unknown ids are a 404. */
export async function readEvaluationShare(store: Store, id: string): Promise<EvaluationShare> {
	if (!EVALUATION_ID.test(id))
		throw new HttpProblem('not_found_error', `No shared evaluation with id ${JSON.stringify(id)}`);
	const row = await store.getEvaluationShare(id);
	if (!row)
		throw new HttpProblem('not_found_error', `No shared evaluation with id ${JSON.stringify(id)}`);
	return parseStored(row.document, EvaluationShareSchema, 'shared evaluation');
}
