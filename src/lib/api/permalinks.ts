// /api/permalinks: shared, immutable copies of a request and what it returned.
import type { ComparisonInput, PermalinkInput, SharedDocument } from '$lib/schemas';
import { getJson, segment, sendJson, type CallOptions } from './transport';

export interface CreatedPermalink {
	id: string;
	/** Path of the permalink page, e.g. `/p/AbCdEf1234`. */
	url: string;
}

/** The request is checked by the server (its 400 names the field). */
export type PermalinkCreateInput = Omit<PermalinkInput, 'request'> & {
	request: Record<string, unknown>;
};

export function create(
	input: PermalinkCreateInput,
	options: CallOptions = {}
): Promise<CreatedPermalink> {
	return sendJson('POST', '/api/permalinks', input, options);
}

/** A whole comparison: every column's request and answer (the server checks each request). */
export type ComparisonCreateInput = Omit<ComparisonInput, 'columns'> & {
	columns: (Omit<ComparisonInput['columns'][number], 'request'> & {
		request: Record<string, unknown>;
	})[];
};

export function createComparison(
	input: ComparisonCreateInput,
	options: CallOptions = {}
): Promise<CreatedPermalink> {
	return sendJson('POST', '/api/permalinks', input, options);
}

/** One request, or a comparison (`kind: "comparison"`). */
export function retrieve(id: string, options: CallOptions = {}): Promise<SharedDocument> {
	return getJson(`/api/permalinks/${segment(id)}`, options);
}
