/**
 * A pretend sandbox for the code execution tool: it "runs" what a demo needs — arithmetic,
 * `print(...)` and `echo ...` — and reports stdout, stderr and the return code as Python or
 * bash would. Nothing is executed for real; expressions go through a small parser, never eval.
 */
export interface RunResult {
	stdout: string;
	stderr: string;
	return_code: number;
	/** Files the command wrote (`echo ... > name`), which the API stores as downloadable files. */
	files?: { name: string; content: string }[];
}

class EvalError extends Error {}

/** Evaluates + - * / // % ** and parentheses over numbers, as Python would. */
export function evaluate(expression: string): number {
	const tokens = expression.match(/\d+(?:\.\d+)?|\*\*|\/\/|[-+*/%()]|\S/g) ?? [];
	let i = 0;
	const peek = () => tokens[i];
	const next = () => tokens[i++];
	function primary(): number {
		const t = next();
		if (t === '(') {
			const v = sum();
			if (next() !== ')') throw new EvalError('SyntaxError: unmatched parenthesis');
			return v;
		}
		if (t === '-') return -power();
		if (t === '+') return power();
		if (t !== undefined && /^\d/.test(t)) return Number(t);
		throw new EvalError(`SyntaxError: invalid syntax near ${JSON.stringify(t ?? 'end of input')}`);
	}
	function power(): number {
		const base = primary();
		if (peek() === '**') {
			next();
			return base ** power();
		}
		return base;
	}
	function product(): number {
		let v = power();
		while (['*', '/', '//', '%'].includes(peek())) {
			const op = next();
			const r = power();
			if (op !== '*' && r === 0)
				throw new EvalError(
					op === '%'
						? 'ZeroDivisionError: integer modulo by zero'
						: 'ZeroDivisionError: division by zero'
				);
			v =
				op === '*'
					? v * r
					: op === '/'
						? v / r
						: op === '//'
							? Math.floor(v / r)
							: v - r * Math.floor(v / r);
		}
		return v;
	}
	function sum(): number {
		let v = product();
		while (peek() === '+' || peek() === '-') v = next() === '+' ? v + product() : v - product();
		return v;
	}
	const value = sum();
	if (i < tokens.length)
		throw new EvalError(`SyntaxError: invalid syntax near ${JSON.stringify(tokens[i])}`);
	return value;
}

/** Python's way of printing a number: integers plainly, true division always with a point. */
function pyNumber(v: number, trueDivision: boolean): string {
	if (!Number.isFinite(v)) return v > 0 ? 'inf' : v < 0 ? '-inf' : 'nan';
	if (Number.isInteger(v) && !trueDivision) return String(v);
	return Number.isInteger(v) ? v.toFixed(1) : String(Number(v.toPrecision(15)));
}

const TRACEBACK = 'Traceback (most recent call last):\n  File "<string>", line 1, in <module>\n';

/** Runs Python-ish code: each `print(...)` line prints a string literal or an arithmetic value. */
export function runPython(code: string): RunResult {
	let stdout = '';
	for (const line of code.split('\n')) {
		const print = line.trim().match(/^print\((.*)\)$/);
		if (!print) continue;
		const arg = print[1].trim();
		const literal = arg.match(/^(['"])(.*)\1$/);
		if (literal) {
			stdout += literal[2] + '\n';
			continue;
		}
		try {
			stdout += pyNumber(evaluate(arg), /(^|[^/])\/([^/]|$)/.test(arg)) + '\n';
		} catch (e) {
			if (!(e instanceof EvalError)) throw e;
			return { stdout, stderr: TRACEBACK + e.message + '\n', return_code: 1 };
		}
	}
	return { stdout, stderr: '', return_code: 0 };
}

/** Runs a bash command: `echo` (optionally into a file), or `python3 -c '...'` handed to runPython. */
export function runBash(command: string): RunResult {
	const redirect = command.match(/^(.*?)\s*>\s*([\w.-]{1,100})\s*$/);
	if (redirect) {
		const inner = runBash(redirect[1]);
		if (inner.return_code !== 0) return inner;
		return {
			stdout: '',
			stderr: '',
			return_code: 0,
			files: [{ name: redirect[2], content: inner.stdout }]
		};
	}
	const python = command.match(/^python3? -c (['"])([\s\S]*)\1$/);
	if (python) return runPython(python[2]);
	const echo = command.match(/^echo\s+(['"]?)([\s\S]*?)\1\s*$/);
	if (echo) return { stdout: echo[2] + '\n', stderr: '', return_code: 0 };
	const name = command.trim().split(/\s+/)[0] ?? '';
	return { stdout: '', stderr: `bash: line 1: ${name}: command not found\n`, return_code: 127 };
}

/** The code a prompt asks to run: a fenced block, an `echo`/`print`, or the arithmetic it mentions. */
export function codeFromPrompt(prompt: string): { python: string; bash: string } | undefined {
	const fenced = prompt.match(/```(?:python|py|bash|sh)?\n([\s\S]*?)```/);
	if (fenced) {
		const code = fenced[1].trim();
		return /^echo\b/.test(code)
			? { python: `print(${JSON.stringify(code.replace(/^echo\s+/, ''))})`, bash: code }
			: { python: code, bash: `python3 -c '${code}'` };
	}
	const write = prompt.match(/\becho\s+(["'])(.*?)\1\s*>\s*([\w-]{1,60}\.[a-z0-9]{1,8})/i);
	if (write)
		return {
			python: `print(${JSON.stringify(write[2])})`,
			bash: `echo ${JSON.stringify(write[2])} > ${write[3]}`
		};
	const echo = prompt.match(/\becho\s+(["'])(.*?)\1|\becho\s+([^\n.?!]+)/i);
	if (echo) {
		const text = (echo[2] ?? echo[3]).trim();
		return { python: `print(${JSON.stringify(text)})`, bash: `echo ${JSON.stringify(text)}` };
	}
	const print = prompt.match(/\bprint\((.*?)\)/);
	if (print) return { python: `print(${print[1]})`, bash: `python3 -c 'print(${print[1]})'` };
	const math = prompt
		.match(/[-(\d][\d\s.()+\-*/%]*[\d)]/g)
		?.filter((m) => /\d\s*(\*\*|\/\/|[-+*/%])\s*[-(\d]/.test(m));
	if (math && math.length > 0) {
		const expr = math[0].trim().replace(/\s+/g, ' ');
		return { python: `print(${expr})`, bash: `python3 -c 'print(${expr})'` };
	}
	return undefined;
}
