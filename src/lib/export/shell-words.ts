/**
 * Splits a POSIX shell command line into words the way bash would for the quoting people paste:
 * single quotes, double quotes (with \" \\ \$ \` escapes), $'...' ANSI-C strings, backslash
 * escapes and backslash-newline continuations. No expansion is done: `$VAR` stays literal.
 */
export function shellWords(input: string): string[] {
	const words: string[] = [];
	let word = '';
	let inWord = false;
	let i = 0;
	const end = () => {
		if (inWord) words.push(word);
		word = '';
		inWord = false;
	};
	while (i < input.length) {
		const c = input[i];
		if (c === '\\' && input[i + 1] === '\n') i += 2;
		else if (c === '\\' && input[i + 1] === '\r' && input[i + 2] === '\n') i += 3;
		else if (/\s/.test(c)) {
			end();
			i++;
		} else if (c === "'") {
			const close = input.indexOf("'", i + 1);
			if (close < 0) throw new Error('unterminated single quote');
			word += input.slice(i + 1, close);
			inWord = true;
			i = close + 1;
		} else if (c === '$' && input[i + 1] === "'") {
			[word, i] = ansiC(input, i + 2, word);
			inWord = true;
		} else if (c === '"') {
			i++;
			for (;;) {
				if (i >= input.length) throw new Error('unterminated double quote');
				const d = input[i];
				if (d === '"') break;
				if (d === '\\' && '"\\$`\n'.includes(input[i + 1])) {
					if (input[i + 1] !== '\n') word += input[i + 1];
					i += 2;
				} else {
					word += d;
					i++;
				}
			}
			inWord = true;
			i++;
		} else if (c === '\\') {
			word += input[i + 1] ?? '';
			inWord = true;
			i += 2;
		} else {
			word += c;
			inWord = true;
			i++;
		}
	}
	end();
	return words;
}

const ANSI_ESCAPES: Record<string, string> = {
	n: '\n',
	t: '\t',
	r: '\r',
	'\\': '\\',
	"'": "'",
	'"': '"',
	'0': '\0'
};

function ansiC(input: string, start: number, word: string): [string, number] {
	let i = start;
	for (;;) {
		if (i >= input.length) throw new Error("unterminated $'...' string");
		const c = input[i];
		if (c === "'") return [word, i + 1];
		if (c === '\\') {
			const e = input[i + 1];
			if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(input.slice(i + 2, i + 6))) {
				word += String.fromCharCode(parseInt(input.slice(i + 2, i + 6), 16));
				i += 6;
				continue;
			}
			word += ANSI_ESCAPES[e] ?? '\\' + e;
			i += 2;
		} else {
			word += c;
			i++;
		}
	}
}
