/**
 * Finds where a path (`messages.0.content`) sits in JSON text, so a schema error can be shown
 * at the offending key. Works on text that JSON.parse accepted; a small scanner keeps the
 * first page free of the editor's parser.
 */
export interface Span {
	from: number;
	to: number;
}

interface Node extends Span {
	/** For an object member: where its key is written. */
	key?: Span;
	children?: Map<string, Node>;
}

class Scanner {
	pos = 0;
	constructor(readonly text: string) {}

	ws() {
		while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
	}

	string(): Span {
		const from = this.pos++;
		while (this.pos < this.text.length && this.text[this.pos] !== '"')
			this.pos += this.text[this.pos] === '\\' ? 2 : 1;
		this.pos++;
		return { from, to: this.pos };
	}

	value(): Node {
		this.ws();
		const from = this.pos;
		const c = this.text[this.pos];
		if (c === '{' || c === '[') {
			this.pos++;
			const children = new Map<string, Node>();
			let index = 0;
			for (;;) {
				this.ws();
				if (this.text[this.pos] === '}' || this.text[this.pos] === ']') break;
				if (c === '{') {
					const key = this.string();
					const name = JSON.parse(this.text.slice(key.from, key.to)) as string;
					this.ws();
					this.pos++; // ':'
					children.set(name, { ...this.value(), key });
				} else children.set(String(index++), this.value());
				this.ws();
				if (this.text[this.pos] === ',') this.pos++;
			}
			this.pos++;
			return { from, to: this.pos, children };
		}
		if (c === '"') return this.string();
		while (this.pos < this.text.length && !/[\s,\]}]/.test(this.text[this.pos])) this.pos++;
		return { from, to: this.pos };
	}
}

/**
 * The span to mark for `path`: the key of the deepest member that exists (or the array
 * element), so a missing field points at its parent. The empty path is the whole document's start.
 */
export function locate(text: string, path: readonly PropertyKey[]): Span {
	let node: Node;
	try {
		node = new Scanner(text).value();
	} catch {
		return { from: 0, to: Math.min(1, text.length) };
	}
	let best: Span = { from: node.from, to: node.from + 1 };
	for (const seg of path) {
		const child = node.children?.get(String(seg));
		if (!child) break;
		node = child;
		best = child.key ?? { from: child.from, to: child.to };
	}
	return best;
}
