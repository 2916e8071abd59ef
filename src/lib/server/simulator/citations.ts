import type { Source } from './documents';

/**
 * Answers that quote their sources, as the API does with citations: the answer is a run of
 * text blocks, each quoted sentence its own block carrying the citation that points at where
 * it stands in the source. `cited_text` is always a verbatim slice of the source.
 */
export interface Citation {
	type: string;
	cited_text: string;
	[key: string]: unknown;
}
export interface AnswerBlock {
	[key: string]: unknown;
	type: 'text';
	text: string;
	citations?: Citation[];
}

interface Sentence {
	source: Source;
	part: number;
	start: number;
	end: number;
	text: string;
	score: number;
	order: number;
}

const STOPWORDS = new Set(
	(
		'a an and are as at be by do does for from how i in is it me of on or please say says tell ' +
		'that the this to was what when where which who why with you your about document documents ' +
		'text file pdf page summarize summarise quote'
	).split(' ')
);

export function keywords(text: string): string[] {
	return [...new Set(text.toLowerCase().match(/[a-z0-9]+/g) ?? [])].filter(
		(w) => w.length > 1 && !STOPWORDS.has(w)
	);
}

/** Sentences with their offsets; a sentence keeps its trailing space, as the API's cited_text does. */
export function sentences(text: string): { start: number; end: number }[] {
	const out: { start: number; end: number }[] = [];
	const re = /[^\s][^.!?\n]*(?:[.!?]+["')\]]*|\n|$)\s*/g;
	for (let m = re.exec(text); m && m[0].length > 0; m = re.exec(text)) {
		out.push({ start: m.index, end: m.index + m[0].length });
		if (re.lastIndex >= text.length) break;
	}
	return out;
}

/** The sentences (or, for content blocks and search results, the blocks) best matching the question. */
function pickQuotes(sources: Source[], question: string, max: number): Sentence[] {
	const words = keywords(question);
	const all: Sentence[] = [];
	let order = 0;
	for (const source of sources)
		source.parts.forEach((part, p) => {
			const pieces =
				source.location === 'content_block_location'
					? [{ start: 0, end: part.length }]
					: sentences(part);
			for (const { start, end } of pieces) {
				const text = part.slice(start, end);
				if (!text.trim()) continue;
				const lower = text.toLowerCase();
				const score = words.reduce((n, w) => n + (lower.includes(w) ? 1 : 0), 0);
				all.push({ source, part: p, start, end, text, score, order: order++ });
			}
		});
	const ranked = [...all].sort((a, b) => b.score - a.score || a.order - b.order);
	const best = ranked[0]?.score ?? 0;
	// The sentences that answer best; with nothing matching, the opening ones.
	const relevant = best > 0 ? ranked.filter((x) => x.score === best) : ranked.slice(0, 2);
	const chosen: Sentence[] = [];
	// Several sources: each gets its best sentence quoted too.
	for (const s of sources) {
		const top = ranked.find((x) => x.source === s);
		if (top && sources.length > 1 && chosen.length < max) chosen.push(top);
	}
	for (const x of relevant) if (chosen.length < max && !chosen.includes(x)) chosen.push(x);
	return chosen.sort((a, b) => a.order - b.order);
}

function citationFor(q: Sentence): Citation {
	const s = q.source;
	const base = { cited_text: q.text };
	switch (s.location) {
		case 'char_location': {
			const offset = s.parts.slice(0, q.part).reduce((n, p) => n + p.length, 0);
			return {
				type: 'char_location',
				...base,
				document_index: s.index,
				document_title: s.title,
				start_char_index: offset + q.start,
				end_char_index: offset + q.end,
				file_id: s.fileId
			};
		}
		case 'page_location':
			return {
				type: 'page_location',
				...base,
				document_index: s.index,
				document_title: s.title,
				start_page_number: q.part + 1,
				end_page_number: q.part + 2,
				file_id: s.fileId
			};
		case 'content_block_location':
			return {
				type: 'content_block_location',
				...base,
				document_index: s.index,
				document_title: s.title,
				start_block_index: q.part,
				end_block_index: q.part + 1,
				file_id: s.fileId
			};
		default:
			return {
				type: 'search_result_location',
				...base,
				search_result_index: s.index,
				source: s.origin ?? '',
				title: s.title,
				start_block_index: q.part,
				end_block_index: q.part
			};
	}
}

function name(source: Source): string {
	if (source.location === 'search_result_location')
		return source.title ? `"${source.title}"` : 'the search result';
	return source.title ? `"${source.title}"` : 'the document';
}

/** A quoting answer to `question` from `sources`; quotes carry citations where the source enables them. */
export function citedAnswer(sources: Source[], question: string): AnswerBlock[] {
	const quotes = pickQuotes(sources, question, 3);
	if (quotes.length === 0)
		return [
			{
				type: 'text',
				text: `The ${sources.length > 1 ? 'sources hold' : 'source holds'} no text I could quote.`
			}
		];
	const names = [...new Set(quotes.map((q) => name(q.source)))];
	const blocks: AnswerBlock[] = [
		{
			type: 'text',
			text: `Here is what ${names.join(' and ')} ${names.length > 1 ? 'say' : 'says'}: `
		}
	];
	quotes.forEach((q, i) => {
		const said = q.text.trim();
		blocks.push(
			q.source.citations
				? { type: 'text', text: said, citations: [citationFor(q)] }
				: { type: 'text', text: said }
		);
		blocks.push({ type: 'text', text: i === quotes.length - 1 ? '' : ' ' });
	});
	blocks[blocks.length - 1].text = '\n\nThat is the relevant part of the source.';
	// Plain neighbours merge, so only quotes stand apart (as the API's blocks do).
	const merged: AnswerBlock[] = [];
	for (const b of blocks) {
		const last = merged[merged.length - 1];
		if (last && !last.citations && !b.citations) last.text += b.text;
		else merged.push({ ...b });
	}
	return merged.filter((b) => b.text.length > 0);
}
