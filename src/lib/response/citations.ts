/**
 * How an answer with citations reads: runs of consecutive text blocks flow together, each
 * cited block followed by its numbered markers (numbered through the whole response), and
 * every citation described by its source and location, whatever kind it is.
 */
type Obj = Record<string, unknown>;

export interface NumberedCitation {
	n: number;
	citation: Obj;
}
export interface CitedSegment {
	text: string;
	citations: NumberedCitation[];
}
export type RenderItem =
	{ kind: 'cited'; segments: CitedSegment[] } | { kind: 'block'; block: Obj; index: number };

const citationsOf = (b: Obj): Obj[] => (Array.isArray(b.citations) ? (b.citations as Obj[]) : []);
const isText = (b: Obj) => b.type === 'text' && typeof b.text === 'string';

/** Blocks to render in order; text runs that carry any citation become one cited item. */
export function planBlocks(blocks: readonly Obj[]): RenderItem[] {
	const items: RenderItem[] = [];
	let n = 0;
	let i = 0;
	while (i < blocks.length) {
		let j = i;
		while (j < blocks.length && isText(blocks[j])) j++;
		const run = blocks.slice(i, j);
		if (run.some((b) => citationsOf(b).length > 0)) {
			const segments = run.map((b) => ({
				text: b.text as string,
				citations: citationsOf(b).map((citation) => ({ n: ++n, citation }))
			}));
			items.push({ kind: 'cited', segments });
			i = j;
			continue;
		}
		if (run.length === 0) j = i + 1;
		for (let k = i; k < j; k++) items.push({ kind: 'block', block: blocks[k], index: k });
		i = j;
	}
	return items;
}

export interface CitationView {
	citedText: string;
	source: string;
	location: string;
	url?: string;
}

const num = (v: unknown) => (typeof v === 'number' ? v : NaN);

/** Title or URL of the cited source, and where in it (pages, characters, blocks). */
export function describeCitation(c: Obj): CitationView {
	const citedText = typeof c.cited_text === 'string' ? c.cited_text : '';
	const title =
		(typeof c.document_title === 'string' && c.document_title) ||
		(typeof c.title === 'string' && c.title) ||
		'';
	const docIndex = typeof c.document_index === 'number' ? `document ${c.document_index + 1}` : '';
	switch (c.type) {
		case 'page_location': {
			const start = num(c.start_page_number);
			const end = num(c.end_page_number) - 1;
			const pages = end > start ? `pages ${start}–${end}` : `page ${start}`;
			return { citedText, source: title || docIndex, location: pages };
		}
		case 'char_location':
			return {
				citedText,
				source: title || docIndex,
				location: `characters ${num(c.start_char_index)}–${num(c.end_char_index)}`
			};
		case 'content_block_location':
			return { citedText, source: title || docIndex, location: blockRange(c) };
		case 'search_result_location':
			return {
				citedText,
				source: title || String(c.source ?? 'search result'),
				location: `${String(c.source ?? '')} · ${blockRange(c)}`
			};
		case 'web_search_result_location':
			return {
				citedText,
				source: title || String(c.url ?? ''),
				location: String(c.url ?? ''),
				url: String(c.url ?? '')
			};
		default:
			return { citedText, source: title || docIndex || String(c.type ?? 'citation'), location: '' };
	}
}

function blockRange(c: Obj): string {
	const start = num(c.start_block_index);
	const end = num(c.end_block_index) - 1;
	return end > start ? `blocks ${start + 1}–${end + 1}` : `block ${start + 1}`;
}
