import {
	ComparisonDocumentSchema,
	ComparisonInputSchema,
	PERMALINK_ID,
	PERMALINK_VERSION,
	PermalinkDocumentSchema,
	PermalinkInputSchema,
	describeIssues,
	type SharedDocument
} from '$lib/schemas';
import { serverSecrets } from '../../config';
import { HttpProblem, validate } from '../../http';
import type { Store } from '../../store/types';
import { contentId } from './id';
import { stripSecrets } from './sanitize';

/** Permalink bodies (request + event log) get their own cap, well under the proxy's. */
export const MAX_PERMALINK_BYTES = 5 * 1024 * 1024;

export type PermalinkLookup =
	| { kind: 'found'; document: SharedDocument }
	| { kind: 'missing' }
	| { kind: 'unreadable'; reason: string };

/** A body with `kind: "comparison"` is a whole comparison; anything else is one request. */
const isComparison = (value: unknown) =>
	(value as { kind?: unknown } | null)?.kind === 'comparison';

/**
 * Validates, strips secrets, and saves one request or a whole comparison (its columns' requests
 * and answers); the same content always gets the same id.
 */
export async function createPermalink(store: Store, body: unknown, user: string, now = new Date()) {
	const valid = isComparison(body)
		? validate(ComparisonInputSchema, body)
		: validate(PermalinkInputSchema, body);
	const input = stripSecrets(valid, serverSecrets());
	const content = { version: PERMALINK_VERSION, ...input };
	const id = contentId(content);
	const document: SharedDocument = {
		...content,
		id,
		created_at: now.toISOString(),
		created_by: user
	};
	const status = await store.savePermalink({
		id,
		document: JSON.stringify(document),
		createdAt: document.created_at,
		createdBy: user
	});
	return { id, created: status === 'created' };
}

/** Reads and checks a stored document; bad ids, broken JSON and old versions are reported, not thrown. */
export async function readPermalink(store: Store, id: string): Promise<PermalinkLookup> {
	if (!PERMALINK_ID.test(id)) return { kind: 'missing' };
	const row = await store.getPermalink(id);
	if (!row) return { kind: 'missing' };
	return parseStoredDocument(row.document);
}

export function parseStoredDocument(text: string): PermalinkLookup {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		return { kind: 'unreadable', reason: 'The stored document is not valid JSON (it is damaged).' };
	}
	const version = (raw as { version?: unknown } | null)?.version;
	if (version !== PERMALINK_VERSION) {
		return {
			kind: 'unreadable',
			reason:
				`The stored document has format version ${JSON.stringify(version ?? null)}; ` +
				`this playground reads version ${PERMALINK_VERSION}.`
		};
	}
	const schema = isComparison(raw) ? ComparisonDocumentSchema : PermalinkDocumentSchema;
	const parsed = schema.safeParse(raw);
	if (!parsed.success)
		return {
			kind: 'unreadable',
			reason: `The stored document is damaged: ${describeIssues(parsed.error)}.`
		};
	return { kind: 'found', document: parsed.data };
}

/** For API routes: the lookup as a document or an API-shaped error. */
export function documentOrProblem(lookup: PermalinkLookup, id: string): SharedDocument {
	if (lookup.kind === 'found') return lookup.document;
	if (lookup.kind === 'missing')
		throw new HttpProblem('not_found_error', `No permalink with id ${JSON.stringify(id)}`);
	throw new HttpProblem(
		'invalid_request_error',
		`Permalink ${id} cannot be opened: ${lookup.reason}`,
		422
	);
}
