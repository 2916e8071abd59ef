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

	constructor(private readonly onLine: (text: string, line: number, offset: number, length: number) => void) {}

	push(chunk: Uint8Array): void {
		let start = 0;
		for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, start)) {
			this.#emit(chunk.subarray(start, i), this.#position + i);
			start = i + 1;
			this.#pendingStart = this.#position + start;
		}
		if (start < chunk.length) this.#pending.push(chunk.slice(start));
		this.#position += chunk.length;
	}

	/** The stream ended: a last line without a newline still counts. */
	end(): void {
		if (this.#pending.length) this.#emit(new Uint8Array(0), this.#position);
	}

	#emit(tail: Uint8Array, endOffset: number): void {
		const parts = this.#pending;
		this.#pending = [];
		const bytes = parts.length ? concat([...parts, tail]) : tail;
		const offset = this.#pendingStart;
		this.#line++;
		let text = this.#decoder.decode(bytes);
		if (text.endsWith('\r')) text = text.slice(0, -1);
		// Blank lines are not results, but they keep their place in the numbering.
		if (text.trim()) this.onLine(text, this.#line, offset, endOffset - offset);
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
