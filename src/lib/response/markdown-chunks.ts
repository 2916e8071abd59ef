const FENCE = /^\s{0,3}(```|~~~)/;

/**
 * Splits markdown at blank lines outside code fences, so a streaming view (stream-view.ts)
 * renders a closed chunk once and only the open tail again. Incremental: when the text only
 * grew, scanning resumes at the first line not yet complete and closed chunks never change, so a
 * frame costs O(new text) instead of O(whole answer).
 */
export class MarkdownChunker {
	#src = '';
	#closed: string[] = [];
	/** Where each closed chunk starts in the source. */
	#starts: number[] = [];
	/** Start of the open chunk. */
	#start = 0;
	/** Start of the first line not yet ended by '\n' (it may still change). */
	#scan = 0;
	#inFence = false;

	chunks(src: string): string[] {
		this.feed(src);
		// The unfinished last line counts as a line too, but only for this answer.
		const tail: string[] = [];
		const start = this.#line(src, this.#scan, src.length, this.#start, this.#inFence);
		if (start !== this.#start) tail.push(src.slice(this.#start, this.#scan));
		if (start < src.length) tail.push(src.slice(start));
		return this.#closed.concat(tail);
	}

	/**
	 * Scans what `src` added since the last call (from scratch when it is not a continuation) and
	 * returns false when it started over. Closed chunks never change afterwards.
	 */
	feed(src: string): boolean {
		const isContinued = src.startsWith(this.#src);
		if (!isContinued) this.#reset();
		this.#src = src;
		for (let end = src.indexOf('\n', this.#scan); end !== -1; end = src.indexOf('\n', this.#scan)) {
			const start = this.#line(src, this.#scan, end, this.#start, this.#inFence);
			if (start !== this.#start) {
				this.#closed.push(src.slice(this.#start, this.#scan));
				this.#starts.push(this.#start);
			}
			if (FENCE.test(src.slice(this.#scan, end))) this.#inFence = !this.#inFence;
			this.#start = start;
			this.#scan = end + 1;
		}
		return isContinued;
	}

	/** The chunks closed so far (append-only until the source starts over). */
	get closed(): readonly string[] {
		return this.#closed;
	}

	/** Where closed chunk `i` starts in the source; for i = closed.length, where the open part starts. */
	startOf(i: number): number {
		return i < this.#starts.length ? this.#starts[i] : this.#start;
	}

	/** Where the open chunk starts after the line [lineStart, end): past it when it is a blank separator. */
	#line(src: string, lineStart: number, end: number, start: number, inFence: boolean): number {
		if (inFence || lineStart <= start || src.slice(lineStart, end).trim() !== '') return start;
		return end + 1;
	}

	#reset() {
		this.#src = '';
		this.#closed = [];
		this.#starts = [];
		this.#start = 0;
		this.#scan = 0;
		this.#inFence = false;
	}
}

/** The chunks of a whole text at once. */
export function markdownChunks(src: string): string[] {
	return new MarkdownChunker().chunks(src);
}
