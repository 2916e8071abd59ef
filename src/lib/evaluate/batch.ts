import type { BatchResultLine } from '$lib/schemas';
import type { EvalCase, EvalVersion } from '$lib/schemas/evaluation';
import { batchCustomId, cellRequest, parseBatchCustomId } from './grid';
import { resultOf, type CellResult } from './run-cell';

export interface GridBatchRequest {
	custom_id: string;
	params: Record<string, unknown>;
}

/**
 * The whole grid as batch requests, one per cell. A batch request cannot carry its own
 * `anthropic-version`, so versions that set one other than the batch's are refused up front.
 */
export function gridBatchRequests(
	versions: readonly EvalVersion[],
	cases: readonly EvalCase[]
): GridBatchRequest[] {
	const requests: GridBatchRequest[] = [];
	versions.forEach((version, vi) =>
		cases.forEach((testCase, ci) => {
			const { body } = cellRequest(version, testCase, ci + 1);
			const { stream: _stream, ...params } = body;
			requests.push({ custom_id: batchCustomId(vi, ci), params });
		})
	);
	return requests;
}

/** The one API version a grid batch can be sent with, or an error naming the versions that differ. */
export function batchApiVersion(versions: readonly EvalVersion[]): string | undefined {
	const set = new Set(versions.map((v) => v.apiVersion ?? ''));
	if (set.size > 1)
		throw new Error(
			'A batch is sent with one API version: give every version the same one, or run live'
		);
	return versions[0]?.apiVersion;
}

/** Where a result line lands in the grid, and what the cell records (at the batch price). */
export function cellFromResultLine(
	line: BatchResultLine
): { versionIndex: number; caseIndex: number; result: CellResult } | null {
	const at = parseBatchCustomId(line.custom_id);
	if (!at) return null;
	const r = line.result;
	if (r.type === 'succeeded')
		return { ...at, result: { ...resultOf(r.message, { batch: true }), status: 'done' } };
	const error =
		r.type === 'errored'
			? `${r.error?.error?.type ?? 'error'}: ${r.error?.error?.message ?? ''}`
			: `the request was ${r.type}`;
	return { ...at, result: { status: 'error', text: '', error } };
}
