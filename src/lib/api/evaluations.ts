// /api/evaluations: evaluations in the team store, and their read-only shares.
import type { Evaluation, EvaluationInput, EvaluationSummary } from '$lib/schemas/evaluation';
import { getJson, segment, sendJson, type CallOptions } from './transport';

const BASE = '/api/evaluations';

export function list(options: CallOptions = {}): Promise<{ data: EvaluationSummary[] }> {
	return getJson(BASE, options);
}

export function create(input: EvaluationInput, options: CallOptions = {}): Promise<Evaluation> {
	return sendJson('POST', BASE, input, options);
}

export function retrieve(id: string, options: CallOptions = {}): Promise<Evaluation> {
	return getJson(`${BASE}/${segment(id)}`, options);
}

export function update(
	id: string,
	input: EvaluationInput,
	options: CallOptions = {}
): Promise<Evaluation> {
	return sendJson('PUT', `${BASE}/${segment(id)}`, input, options);
}

/** Freezes the evaluation as it is now; the answer's `url` opens it read-only. */
export function share(id: string, options: CallOptions = {}): Promise<{ id: string; url: string }> {
	return sendJson('POST', `${BASE}/${segment(id)}/share`, undefined, options);
}
