/** Where a LineSplitter stands in its stream, so another one (in another thread) can carry on. */
export interface SplitterState {
	/** The bytes of the unfinished last line. */
	pending: Uint8Array[];
	pendingStart: number;
	position: number;
	line: number;
}

/**
 * Splits a byte stream into lines as it arrives, with each line's byte offset and length, so a
 * line can be found again later without keeping its parsed form. `\r\n` endings are accepted.
 */
export class LineSplitter {
	#pending: Uint8Array[] = [];
	#pendingStart = 0;
	#position = 0;
	#line = 0;
	#decoder = new TextDecoder();

	constructor(
		private readonly onLine: (text: string, line: number, offset: number, length: number) => void,
		from?: SplitterState
	) {
		if (from) {
			this.#pending = [...from.pending];
			this.#pendingStart = from.pendingStart;
			this.#position = from.position;
			this.#line = from.line;
		}
	}

	/** Where this splitter stands: hand it to a new splitter to carry on with the next bytes. */
	state(): SplitterState {
		return {
			pending: [...this.#pending],
			pendingStart: this.#pendingStart,
			position: this.#position,
			line: this.#line
		};
	}

	push(chunk: Uint8Array): void {
		let start = 0;
		const first = chunk.indexOf(10);
		if (first !== -1) {
			this.#emit(chunk.subarray(0, first), this.#position + first);
			start = first + 1;
			this.#pendingStart = this.#position + start;
			start = this.#wholeLines(chunk, start);
		}
		if (start < chunk.length) this.#pending.push(chunk.slice(start));
		this.#position += chunk.length;
	}

	/**
	 * The lines that lie wholly inside a chunk, decoded with one call. When the text is ASCII
	 * (as most results are) characters are bytes, so offsets come from the string; otherwise
	 * each line is decoded on its own. Returns where the unfinished last line starts.
	 */
	#wholeLines(chunk: Uint8Array, from: number): number {
		const last = chunk.lastIndexOf(10);
		if (last < from) return from;
		const text = this.#decoder.decode(chunk.subarray(from, last));
		if (text.length === last - from) {
			let at = from;
			for (const line of text.split('\n')) {
				this.#deliver(line, this.#position + at, line.length);
				at += line.length + 1;
			}
		} else {
			for (let start = from; start <= last;) {
				const nl = chunk.indexOf(10, start);
				this.#deliver(
					this.#decoder.decode(chunk.subarray(start, nl)),
					this.#position + start,
					nl - start
				);
				start = nl + 1;
			}
		}
		this.#pendingStart = this.#position + last + 1;
		return last + 1;
	}

	/** The stream ended: a last line without a newline still counts. */
	end(): void {
		if (this.#pending.length) this.#emit(new Uint8Array(0), this.#position);
	}

	#emit(tail: Uint8Array, endOffset: number): void {
		const parts = this.#pending;
		this.#pending = [];
		const bytes = parts.length ? concat([...parts, tail]) : tail;
		this.#deliver(this.#decoder.decode(bytes), this.#pendingStart, endOffset - this.#pendingStart);
	}

	#deliver(text: string, offset: number, length: number): void {
		this.#line++;
		const line = text.endsWith('\r') ? text.slice(0, -1) : text;
		// Blank lines are not results, but they keep their place in the numbering.
		if (line.trim()) this.onLine(line, this.#line, offset, length);
	}
}

function concat(parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

/** The raw bytes of a file as received, in chunks, so any line can be cut out again. */
export class ByteStore {
	#chunks: Uint8Array[] = [];
	#starts: number[] = [];
	#size = 0;

	get size(): number {
		return this.#size;
	}

	append(chunk: Uint8Array): void {
		this.#chunks.push(chunk);
		this.#starts.push(this.#size);
		this.#size += chunk.length;
	}

	slice(offset: number, length: number): Uint8Array {
		const out = new Uint8Array(length);
		let lo = 0;
		let hi = this.#starts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (this.#starts[mid] <= offset) lo = mid;
			else hi = mid - 1;
		}
		let copied = 0;
		for (let c = lo; copied < length && c < this.#chunks.length; c++) {
			const from = c === lo ? offset - this.#starts[c] : 0;
			const piece = this.#chunks[c].subarray(from, from + length - copied);
			out.set(piece, copied);
			copied += piece.length;
		}
		return out;
	}

	text(offset: number, length: number): string {
		return new TextDecoder().decode(this.slice(offset, length)).replace(/\r$/, '');
	}
}
