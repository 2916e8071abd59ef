import { substitute, templateVariables } from '$lib/batches/template';
import type { EvalCase, EvalCell, EvalVersion } from '$lib/schemas/evaluation';
import { effectiveTemplate } from './version-tools';

/** Every variable any version uses, in first-use order: the test-case grid's columns. */
export function gridVariables(versions: readonly EvalVersion[]): string[] {
	const all = new Set<string>();
	for (const v of versions)
		for (const name of templateVariables(effectiveTemplate(v))) all.add(name);
	return [...all];
}

export class MissingValuesError extends Error {
	constructor(
		readonly caseNumber: number,
		readonly missing: string[]
	) {
		const names = missing.map((m) => `{{${m}}}`).join(', ');
		super(`Case ${caseNumber} has no value for ${names}`);
	}
}

export interface CellRequest {
	body: Record<string, unknown>;
	headers: Record<string, string>;
}

/**
 * The request one cell sends: the version's template filled from the case. An empty value is a
 * value (the person meant it); a variable the case lacks altogether is an error naming it.
 */
export function cellRequest(
	version: EvalVersion,
	testCase: EvalCase,
	caseNumber: number
): CellRequest {
	const { value, missing } = substitute(effectiveTemplate(version), testCase.vars);
	if (missing.length) throw new MissingValuesError(caseNumber, missing);
	const headers: Record<string, string> = {};
	if (version.apiVersion) headers['anthropic-version'] = version.apiVersion;
	return { body: value as Record<string, unknown>, headers };
}

/**
 * Every cell's request, keyed by `cellKey`; a case that lacks a value gets its error instead.
 * Give it plain objects (`$state.snapshot`): filling hundreds of templates through state
 * proxies costs a long frame.
 */
export function gridRequests(
	versions: readonly EvalVersion[],
	cases: readonly EvalCase[]
): Map<string, CellRequest | MissingValuesError> {
	const requests = new Map<string, CellRequest | MissingValuesError>();
	for (const version of versions)
		cases.forEach((testCase, i) => {
			let request: CellRequest | MissingValuesError;
			try {
				request = cellRequest(version, testCase, i + 1);
			} catch (e) {
				if (!(e instanceof MissingValuesError)) throw e;
				request = e;
			}
			requests.set(cellKey(version.id, testCase.id), request);
		});
	return requests;
}

/** Batch custom ids: the API allows `^[a-zA-Z0-9_-]{1,64}$`, so positions, not free-form ids. */
export function batchCustomId(versionIndex: number, caseIndex: number): string {
	return `v${versionIndex}-c${caseIndex}`;
}

export function parseBatchCustomId(id: string): { versionIndex: number; caseIndex: number } | null {
	const m = /^v(\d+)-c(\d+)$/.exec(id);
	return m ? { versionIndex: Number(m[1]), caseIndex: Number(m[2]) } : null;
}

/** A run's cells before anything is sent: one per version and case, version by version. */
export function gridCells(
	versions: readonly EvalVersion[],
	cases: readonly EvalCase[]
): EvalCell[] {
	return versions.flatMap((v) =>
		cases.map((c) => ({ versionId: v.id, caseId: c.id, status: 'pending' as const, text: '' }))
	);
}

/** Looks cells up by version and case without scanning the list each time. */
export function cellIndex(cells: readonly EvalCell[]): Map<string, EvalCell> {
	return new Map(cells.map((c) => [cellKey(c.versionId, c.caseId), c]));
}

export function cellKey(versionId: string, caseId: string): string {
	return `${versionId}\u0000${caseId}`;
}

/** The text the user turn asks, with the case filled in: what the grader is shown as the task. */
export function promptText(request: Record<string, unknown>): string {
	const messages = Array.isArray(request.messages) ? request.messages : [];
	const parts: string[] = [];
	for (const m of messages as { role?: unknown; content?: unknown }[]) {
		if (m.role !== 'user') continue;
		if (typeof m.content === 'string') parts.push(m.content);
		else if (Array.isArray(m.content))
			for (const b of m.content as { type?: unknown; text?: unknown }[])
				if (b.type === 'text' && typeof b.text === 'string') parts.push(b.text);
	}
	return parts.join('\n\n');
}
