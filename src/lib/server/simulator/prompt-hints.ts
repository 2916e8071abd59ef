/**
 * What a prompt says that a tool input should carry: the places it names, an arithmetic
 * expression built from its numbers, its topic. A model asked about Paris calls the weather
 * tool for Paris; asked "what is 12 times 7 plus 3", the calculator gets `12 * 7 + 3`.
 */
export interface PromptHints {
	/** Places in the order the prompt names them. */
	places: string[];
	/** A valid arithmetic expression, when the prompt holds at least one number. */
	expression?: string;
	/** The prompt, flattened and shortened: what a search would be about. */
	topic: string;
	/** A unit the prompt asks for ("in Fahrenheit"). */
	unit?: string;
}

const KNOWN_PLACES = [
	'Paris',
	'London',
	'Tokyo',
	'New York',
	'San Francisco',
	'Los Angeles',
	'Berlin',
	'Madrid',
	'Rome',
	'Lisbon',
	'Oslo',
	'Stockholm',
	'Copenhagen',
	'Helsinki',
	'Amsterdam',
	'Brussels',
	'Vienna',
	'Prague',
	'Warsaw',
	'Dublin',
	'Zurich',
	'Geneva',
	'Istanbul',
	'Athens',
	'Cairo',
	'Nairobi',
	'Lagos',
	'Cape Town',
	'Dubai',
	'Mumbai',
	'Delhi',
	'Bangalore',
	'Singapore',
	'Hong Kong',
	'Shanghai',
	'Beijing',
	'Seoul',
	'Osaka',
	'Sydney',
	'Melbourne',
	'Auckland',
	'Toronto',
	'Vancouver',
	'Montreal',
	'Chicago',
	'Boston',
	'Seattle',
	'Austin',
	'Miami',
	'Mexico City',
	'Buenos Aires',
	'Sao Paulo',
	'Rio de Janeiro',
	'Lima',
	'Bogota',
	'Santiago',
	'Reykjavik',
	'Edinburgh',
	'Munich',
	'Barcelona',
	'Milan',
	'Kyiv',
	'Moscow',
	'Bangkok',
	'Jakarta',
	'Manila'
];
const NOT_PLACES = new Set([
	'I',
	'The',
	'A',
	'An',
	'Celsius',
	'Fahrenheit',
	'Monday',
	'Tuesday',
	'Wednesday',
	'Thursday',
	'Friday',
	'Saturday',
	'Sunday',
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
]);

function places(text: string): string[] {
	const found: { at: number; name: string }[] = [];
	for (const name of KNOWN_PLACES) {
		const at = text.search(new RegExp(`\\b${name}\\b`, 'i'));
		if (at >= 0) found.push({ at, name });
	}
	// "in Reykjavik", "for Porto and Faro": capitalised words after a place preposition or a list joiner.
	for (const m of text.matchAll(
		/\b(?:in|at|for|to|from|and|or|vs\.?)\s+([A-Z][\p{Ll}'-]+(?:\s[A-Z][\p{Ll}'-]+)?)/gu
	)) {
		const name = m[1];
		if (
			NOT_PLACES.has(name.split(' ')[0]) ||
			found.some((f) => f.name.toLowerCase() === name.toLowerCase())
		)
			continue;
		found.push({ at: m.index! + m[0].length - name.length, name });
	}
	return found.sort((a, b) => a.at - b.at).map((f) => f.name);
}

const OPERATORS: [RegExp, string][] = [
	[/^(\+|plus|add|added to|and|sum)$/i, '+'],
	[/^(-|minus|less|subtract|subtracted from)$/i, '-'],
	[/^(\*|x|×|times|multiplied by|multiply)$/i, '*'],
	[/^(\/|÷|divided by|over|divide)$/i, '/'],
	[/^(\^|\*\*|to the power of|power)$/i, '**']
];

function expression(text: string): string | undefined {
	// Already written as arithmetic: "(3 + 4) * 2".
	const literal = text
		.match(/[\d(][\d\s.+\-*/()^%]*[\d)]/g)
		?.find((e) => /\d\s*[-+*/^%]\s*[\d(]/.test(e));
	if (literal && balanced(literal)) return literal.replace(/\^/g, '**').replace(/\s+/g, ' ').trim();
	const parts =
		text.match(
			/-?\d+(?:\.\d+)?|to the power of|multiplied by|divided by|added to|subtracted from|[+\-*/^×÷x]|\b[a-z]+\b/gi
		) ?? [];
	const out: string[] = [];
	let pending = '+';
	for (const p of parts) {
		if (/^-?\d/.test(p)) {
			if (out.length) out.push(pending);
			out.push(p);
			pending = '+';
		} else {
			const op = OPERATORS.find(([re]) => re.test(p));
			if (op && out.length) pending = op[1];
		}
	}
	return out.length ? out.join(' ') : undefined;
}

function balanced(e: string): boolean {
	let depth = 0;
	for (const c of e) {
		depth += c === '(' ? 1 : c === ')' ? -1 : 0;
		if (depth < 0) return false;
	}
	return depth === 0;
}

export function promptHints(text: string): PromptHints {
	const flat = text.replace(/\s+/g, ' ').trim();
	const unit = flat.match(/\b(celsius|fahrenheit|kelvin|metric|imperial)\b/i)?.[1].toLowerCase();
	return {
		places: places(flat),
		expression: expression(flat),
		topic: flat.length > 120 ? flat.slice(0, 117) + '...' : flat,
		unit
	};
}

/** The value a string property should get from the prompt, for the `call`-th call of a tool. */
export function hintFor(hints: PromptHints, property: string, call: number): string | undefined {
	if (/city|location|place|destination|town|region|where/i.test(property) && hints.places.length)
		return hints.places[call % hints.places.length];
	if (/unit/i.test(property) && hints.unit) return hints.unit;
	if (/expr|formula|equation|calculation|math|arithmetic/i.test(property)) return hints.expression;
	if (/^(q|query|search|search_query|question|topic|keywords?)$/i.test(property) && hints.topic)
		return hints.topic;
	return undefined;
}
