import type { CountTokensParams } from '$lib/schemas';
import { HttpProblem } from '../http';
import { decodeBase64, imageSize, sniffImage, tokensForSize } from './images';
import type { FileStore } from './files-store';
import { countTextTokens } from './tokens';
import { pdfPages } from './pdf';

/**
 * The sources a request brings for the answer to quote: documents (plain text, PDF, custom
 * content, URL, uploaded file) and search results, numbered in request order as the API numbers
 * them (`document_index`, `search_result_index`). Each source is a list of parts: the whole
 * text (char locations), one text per page (page locations) or one per content block.
 */
export type LocationType =
	'char_location' | 'page_location' | 'content_block_location' | 'search_result_location';

export interface Source {
	location: LocationType;
	/** document_index or search_result_index. */
	index: number;
	title: string | null;
	fileId: string | null;
	/** The search result's `source` (its URL or id). */
	origin?: string;
	citations: boolean;
	parts: string[];
	/** Where in the request the block sits, e.g. `messages.0.content.1`. */
	path: string;
	/** The user turn the block is in. */
	messageIndex: number;
}

/** Tokens a PDF page costs beyond its text: the API also reads each page as an image. */
export const PDF_PAGE_TOKENS = 1500;

type Block = Record<string, unknown>;
const resolved = new WeakMap<object, Source>();
/** Token costs of images given by `file_id`, known once their bytes are read. */
const fileImageTokens = new WeakMap<object, number>();

/** A block's token cost from its resolved text; undefined when it is not a document or search result. */
export function sourceTokens(block: Block, files?: FileStore): number | undefined {
	if (block.type === 'image') return fileImageTokens.get(block);
	if (block.type !== 'document' && block.type !== 'search_result') return undefined;
	let source = resolved.get(block);
	try {
		source ??= resolveSync(block, 0, '', 0, files);
	} catch {
		// Unresolved (a batch request): the size of the block stands in.
	}
	if (!source) return countTextTokens(JSON.stringify(block.source ?? ''));
	const text = source.parts.reduce((n, p) => n + countTextTokens(p), 0);
	const framing =
		countTextTokens(`${source.title ?? ''} ${String(block.context ?? '')} ${source.origin ?? ''}`) +
		4;
	return (
		text +
		framing +
		(source.location === 'page_location' ? source.parts.length * PDF_PAGE_TOKENS : 0)
	);
}

/** Every block the request's messages hold, tool_result contents included, with its path. */
function* blocksOf(
	params: CountTokensParams
): Generator<{ block: Block; path: string; messageIndex: number }> {
	for (const [i, m] of params.messages.entries()) {
		if (typeof m.content === 'string') continue;
		for (const [j, b] of (m.content as Block[]).entries()) {
			yield { block: b, path: `messages.${i}.content.${j}`, messageIndex: i };
			if (b.type === 'tool_result' && Array.isArray(b.content))
				for (const [k, inner] of (b.content as Block[]).entries())
					yield { block: inner, path: `messages.${i}.content.${j}.content.${k}`, messageIndex: i };
		}
	}
}

/** Reads every source of a request (PDFs need async parsing); call before planning or counting. */
export async function resolveSources(
	params: CountTokensParams,
	files?: FileStore
): Promise<Source[]> {
	const out: Source[] = [];
	let documents = 0;
	let searchResults = 0;
	for (const { block, path, messageIndex } of blocksOf(params)) {
		if (block.type === 'image' && (block.source as Block | undefined)?.type === 'file')
			fileImageTokens.set(block, imageFile(block, path, files));
		if (block.type !== 'document' && block.type !== 'search_result') continue;
		const index = block.type === 'document' ? documents++ : searchResults++;
		const source =
			resolveSync(block, index, path, messageIndex, files) ??
			(await resolvePdf(block, index, path, messageIndex, files));
		resolved.set(block, source);
		out.push(source);
	}
	return out;
}

/** The sources already resolved for this request, in order. */
export function sourcesOf(params: CountTokensParams): Source[] {
	const out: Source[] = [];
	for (const { block } of blocksOf(params)) {
		const s = resolved.get(block);
		if (s) out.push(s);
	}
	return out;
}

function enabled(block: Block): boolean {
	return (block.citations as { enabled?: boolean } | null | undefined)?.enabled === true;
}

function textOfBlocks(blocks: unknown): string[] {
	if (typeof blocks === 'string') return [blocks];
	if (!Array.isArray(blocks)) return [];
	return (blocks as Block[]).map((b) => (b.type === 'text' ? String(b.text ?? '') : ''));
}

function resolveSync(
	block: Block,
	index: number,
	path: string,
	messageIndex: number,
	files?: FileStore
): Source | undefined {
	const base = {
		index,
		path,
		messageIndex,
		citations: enabled(block),
		fileId: null,
		title: (block.title as string | null | undefined) ?? null
	};
	if (block.type === 'search_result')
		return {
			...base,
			location: 'search_result_location',
			origin: String(block.source ?? ''),
			parts: textOfBlocks(block.content)
		};
	const source = (block.source ?? {}) as Block;
	switch (source.type) {
		case 'text':
			return { ...base, location: 'char_location', parts: [String(source.data ?? '')] };
		case 'content':
			return { ...base, location: 'content_block_location', parts: textOfBlocks(source.content) };
		case 'url':
			return { ...base, location: 'page_location', parts: pagesForUrl(String(source.url ?? '')) };
		case 'file': {
			const file = fileFor(source, path, files);
			if (file.mime_type === 'application/pdf') return undefined;
			const text = new TextDecoder().decode(files!.content(file.id));
			return {
				...base,
				fileId: file.id,
				title: base.title ?? file.filename,
				location: 'char_location',
				parts: [text]
			};
		}
		default:
			return undefined;
	}
}

/** Checks an image given by `file_id` and prices it from its real dimensions. */
function imageFile(block: Block, path: string, files?: FileStore): number {
	const id = String((block.source as Block).file_id ?? '');
	const file = files?.get(id);
	if (!file)
		throw new HttpProblem('invalid_request_error', `${path}.source.file_id: File not found: ${id}`);
	if (!file.mime_type.startsWith('image/'))
		throw new HttpProblem(
			'invalid_request_error',
			`${path}.source: an image file must be an image, not ${file.mime_type}`
		);
	const bytes = files!.content(id) ?? new Uint8Array();
	const kind = sniffImage(bytes);
	const size = kind && imageSize(bytes, kind);
	if (!size)
		throw new HttpProblem(
			'invalid_request_error',
			`${path}.source: The image file ${id} could not be decoded`
		);
	return tokensForSize(size);
}

function fileFor(source: Block, path: string, files?: FileStore) {
	const id = String(source.file_id ?? '');
	const file = files?.get(id);
	if (!file)
		throw new HttpProblem('invalid_request_error', `${path}.source.file_id: File not found: ${id}`);
	if (files!.isExpired(file))
		throw new HttpProblem(
			'invalid_request_error',
			`${path}.source.file_id: File ${id} has expired`
		);
	const usable = file.mime_type === 'application/pdf' || file.mime_type.startsWith('text/');
	if (!usable)
		throw new HttpProblem(
			'invalid_request_error',
			`${path}.source: a document file must be a PDF or plain text, not ${file.mime_type}`
		);
	return file;
}

async function resolvePdf(
	block: Block,
	index: number,
	path: string,
	messageIndex: number,
	files?: FileStore
): Promise<Source> {
	const source = (block.source ?? {}) as Block;
	let bytes: Uint8Array;
	let fileId: string | null = null;
	let title = (block.title as string | null | undefined) ?? null;
	if (source.type === 'file') {
		const file = fileFor(source, path, files);
		bytes = files!.content(file.id) ?? new Uint8Array();
		fileId = file.id;
		title ??= file.filename;
	} else if (source.type === 'base64' && source.media_type === 'application/pdf') {
		bytes = decodeBase64(String(source.data ?? ''));
	} else {
		throw new HttpProblem('invalid_request_error', `${path}.source: unsupported document source`);
	}
	const parts = await pdfPages(bytes).catch(() => {
		throw new HttpProblem(
			'invalid_request_error',
			`${path}.source: The PDF specified could not be read`
		);
	});
	return {
		location: 'page_location',
		index,
		path,
		messageIndex,
		citations: enabled(block),
		fileId,
		title,
		parts
	};
}

/**
 * The simulator cannot fetch the internet, so a URL document reads as two deterministic pages
 * made from the URL's own words (host and path); citations then quote those pages.
 */
export function pagesForUrl(url: string): string[] {
	let host = 'the site';
	let words = 'the document';
	try {
		const u = new URL(url);
		host = u.hostname;
		const path = decodeURIComponent(u.pathname)
			.replace(/\.[a-z0-9]+$/i, '')
			.split(/[^A-Za-z0-9]+/)
			.filter(Boolean);
		if (path.length > 0) words = path.join(' ');
	} catch {
		// not a URL: the generic words stand
	}
	return [
		`This document, published at ${host}, is about ${words}. It was read from ${url} by the simulator. ` +
			`The simulator does not fetch URLs, so this page stands in for the real content.`,
		`The second page summarises ${words}. Every sentence here is derived from the URL alone.`
	];
}
