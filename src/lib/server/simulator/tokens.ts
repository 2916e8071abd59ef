/**
 * A stable tokenizer-like split: words keep their leading space, long words are cut in
 * 4-character pieces, punctuation stands alone. Joining the pieces gives the text back,
 * so "output_tokens equals what was streamed" holds exactly.
 */
const PIECE = /\s*[A-Za-z0-9]{1,4}|\s*[^\sA-Za-z0-9]|\s+/g;

export function tokenize(text: string): string[] {
	return text.match(PIECE) ?? [];
}

export function countTextTokens(text: string): number {
	return tokenize(text).length;
}
