/**
 * A safe arithmetic evaluator for the calculator demo tool: its own tokenizer and
 * recursive-descent parser, so nothing the model sends can reach `eval` or `Function`.
 * Grammar (^ is right-associative and binds tighter than unary minus, so -2^2 = -4):
 *   expr  := term (('+' | '-') term)*
 *   term  := unary (('*' | '/' | '%') unary)*
 *   unary := ('-' | '+') unary | power
 *   power := atom ('^' unary)?
 *   atom  := number | '(' expr ')'
 * Limits keep hostile input cheap: bounded length, nesting depth and exponent size.
 */

export const MAX_EXPRESSION_LENGTH = 1000;
export const MAX_DEPTH = 64;
/** Larger exponents only overflow (or take long with big bases); refuse them up front. */
export const MAX_EXPONENT = 1024;

export type CalcResult = { ok: true; value: number } | { ok: false; error: string };

class CalcError extends Error {}

type Token = { kind: 'num'; value: number; at: number } | { kind: 'op'; value: string; at: number };

const OPERATORS = '+-*/%^()';

function tokenize(src: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < src.length) {
		const c = src[i];
		if (c === ' ' || c === '\t' || c === '\n') {
			i++;
		} else if (OPERATORS.includes(c)) {
			tokens.push({ kind: 'op', value: c, at: i++ });
		} else if ((c >= '0' && c <= '9') || c === '.') {
			const start = i;
			while (i < src.length && src[i] >= '0' && src[i] <= '9') i++;
			if (src[i] === '.') {
				i++;
				while (i < src.length && src[i] >= '0' && src[i] <= '9') i++;
			}
			const text = src.slice(start, i);
			if (text === '.') throw new CalcError(`a lone "." at position ${start + 1}`);
			tokens.push({ kind: 'num', value: Number(text), at: start });
		} else {
			// Letters (constructor, process, 1e5), quotes, brackets, commas: none of it is arithmetic.
			throw new CalcError(`unexpected character "${c}" at position ${i + 1}`);
		}
	}
	return tokens;
}

class Parser {
	#pos = 0;
	#depth = 0;
	constructor(private readonly tokens: Token[]) {}

	parse(): number {
		if (this.tokens.length === 0) throw new CalcError('the expression is empty');
		const value = this.#expr();
		const extra = this.tokens[this.#pos];
		if (extra) throw new CalcError(`unexpected "${extra.value}" at position ${extra.at + 1}`);
		return value;
	}

	#peek(): string | undefined {
		const t = this.tokens[this.#pos];
		return t?.kind === 'op' ? t.value : undefined;
	}

	/** Every recursive rule passes through here, so deep nesting fails before the JS stack does. */
	#nested<T>(fn: () => T): T {
		if (++this.#depth > MAX_DEPTH) throw new CalcError(`nested more than ${MAX_DEPTH} levels deep`);
		try {
			return fn();
		} finally {
			this.#depth--;
		}
	}

	#expr(): number {
		let value = this.#term();
		for (let op = this.#peek(); op === '+' || op === '-'; op = this.#peek()) {
			this.#pos++;
			const right = this.#term();
			value = op === '+' ? value + right : value - right;
		}
		return value;
	}

	#term(): number {
		let value = this.#unary();
		for (let op = this.#peek(); op === '*' || op === '/' || op === '%'; op = this.#peek()) {
			this.#pos++;
			const right = this.#unary();
			if ((op === '/' || op === '%') && right === 0) throw new CalcError('division by zero');
			value = op === '*' ? value * right : op === '/' ? value / right : value % right;
		}
		return value;
	}

	#unary(): number {
		const op = this.#peek();
		if (op === '-' || op === '+') {
			this.#pos++;
			return this.#nested(() => (op === '-' ? -this.#unary() : this.#unary()));
		}
		return this.#power();
	}

	#power(): number {
		const base = this.#atom();
		if (this.#peek() !== '^') return base;
		this.#pos++;
		const exponent = this.#nested(() => this.#unary());
		if (Math.abs(exponent) > MAX_EXPONENT)
			throw new CalcError(`exponent ${exponent} is too large (limit ${MAX_EXPONENT})`);
		return base ** exponent;
	}

	#atom(): number {
		const t = this.tokens[this.#pos];
		if (!t) throw new CalcError('the expression ends too early');
		if (t.kind === 'num') {
			this.#pos++;
			return t.value;
		}
		if (t.value !== '(') throw new CalcError(`unexpected "${t.value}" at position ${t.at + 1}`);
		this.#pos++;
		const value = this.#nested(() => this.#expr());
		if (this.#peek() !== ')')
			throw new CalcError(`missing ")" for the "(" at position ${t.at + 1}`);
		this.#pos++;
		return value;
	}
}

export function calculate(expression: string): CalcResult {
	if (typeof expression !== 'string')
		return { ok: false, error: 'the expression must be a string' };
	if (expression.length > MAX_EXPRESSION_LENGTH)
		return {
			ok: false,
			error: `the expression is longer than ${MAX_EXPRESSION_LENGTH} characters`
		};
	try {
		const value = new Parser(tokenize(expression)).parse();
		if (!Number.isFinite(value)) return { ok: false, error: 'the result is not a finite number' };
		return { ok: true, value };
	} catch (e) {
		if (e instanceof CalcError) return { ok: false, error: e.message };
		throw e;
	}
}
