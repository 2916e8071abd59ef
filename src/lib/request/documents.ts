/**
 * Document and search_result blocks as the form edits them (SDK `DocumentBlockParam`,
 * `SearchResultBlockParam`): the source (plain text, PDF inline as base64, PDF by URL, or a
 * Files API `file_id`), title, context and the citations switch. Pure, over the block's fields.
 */
import type { SourceBlockForm } from './form';

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : '');

export const DOCUMENT_SOURCES = ['text', 'base64', 'url', 'file'] as const;
export type DocumentSourceKind = (typeof DOCUMENT_SOURCES)[number] | 'other';
export const SOURCE_LABELS: Record<DocumentSourceKind, string> = {
	text: 'Plain text',
	base64: 'PDF (inline base64)',
	url: 'PDF by URL',
	file: 'Uploaded file (file_id)',
	other: 'Other (edit in JSON)'
};

export interface DocumentView {
	source: DocumentSourceKind;
	text: string;
	/** base64 data (PDF) */
	data: string;
	url: string;
	fileId: string;
	title: string;
	context: string;
	citations: boolean;
}

export function readDocument(extra: Json): DocumentView {
	const s = isRecord(extra.source) ? extra.source : {};
	const type = str(s.type);
	const source: DocumentSourceKind = (DOCUMENT_SOURCES as readonly string[]).includes(type)
		? (type as DocumentSourceKind)
		: 'other';
	const citations = isRecord(extra.citations) && extra.citations.enabled === true;
	return {
		source,
		text: source === 'text' ? str(s.data) : '',
		data: source === 'base64' ? str(s.data) : '',
		url: str(s.url),
		fileId: str(s.file_id),
		title: str(extra.title),
		context: str(extra.context),
		citations
	};
}

/** The `source` object for a kind, keeping what the current one already holds when it fits. */
export function documentSource(
	kind: Exclude<DocumentSourceKind, 'other'>,
	v: Partial<DocumentView>
): Json {
	switch (kind) {
		case 'text':
			return { type: 'text', media_type: 'text/plain', data: v.text ?? '' };
		case 'base64':
			return { type: 'base64', media_type: 'application/pdf', data: v.data ?? '' };
		case 'url':
			return { type: 'url', url: v.url ?? '' };
		case 'file':
			return { type: 'file', file_id: v.fileId ?? '' };
	}
}

/** The block's fields with an optional string (title, context) set; empty removes it. */
export function withOptional(extra: Json, key: 'title' | 'context', value: string): Json {
	const { [key]: _old, ...rest } = extra;
	return value === '' ? rest : { ...rest, [key]: value };
}

export function withCitations(extra: Json, on: boolean): Json {
	return { ...extra, citations: { enabled: on } };
}

/** The block's fields with its source switched to `kind`, carrying over what fits. */
export function withSource(
	extra: Json,
	kind: Exclude<DocumentSourceKind, 'other'>,
	change: Partial<DocumentView> = {}
): Json {
	return { ...extra, source: documentSource(kind, { ...readDocument(extra), ...change }) };
}

export function newDocument(): SourceBlockForm {
	return {
		kind: 'document',
		cache: null,
		extra: { source: documentSource('text', {}), citations: { enabled: true } }
	};
}

export function newSearchResult(): SourceBlockForm {
	return {
		kind: 'search_result',
		cache: null,
		extra: {
			source: 'https://example.com/',
			title: '',
			content: [{ type: 'text', text: '' }],
			citations: { enabled: true }
		}
	};
}

export interface SearchResultView {
	source: string;
	title: string;
	/** The text blocks of `content`, one paragraph each. */
	paragraphs: string[];
	citations: boolean;
}

export function readSearchResult(extra: Json): SearchResultView {
	const content = Array.isArray(extra.content) ? extra.content : [];
	return {
		source: str(extra.source),
		title: str(extra.title),
		paragraphs: content.filter(isRecord).map((b) => str(b.text)),
		citations: isRecord(extra.citations) && extra.citations.enabled === true
	};
}

/** Paragraphs separated by a blank line become one text block each (kept verbatim while typing). */
export function searchResultContent(text: string): Json[] {
	return text.split(/\n\n/).map((p) => ({ type: 'text', text: p }));
}
