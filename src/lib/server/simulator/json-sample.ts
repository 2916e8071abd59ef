import { intBetween, pick, type Rng } from './random';

/**
 * Plausible values for a JSON Schema, so simulated `tool_use` inputs validate against the
 * tool's `input_schema`. Covers what tool schemas use in practice: types, enum/const,
 * objects with required/optional properties, arrays with min/maxItems, string lengths and
 * formats, number bounds, anyOf/oneOf/allOf and local `$ref`s. Values come from the request's
 * seeded rng, so the same request gives the same input.
 */
type Schema = Record<string, unknown>;

const MAX_DEPTH = 6;

/** Words a model would plausibly put in a field, chosen by the property's name. */
const BY_NAME: [RegExp, readonly string[]][] = [
	[/city/i, ['Paris', 'Tokyo', 'Oslo', 'Lisbon', 'Nairobi']],
	[/location|place|address/i, ['Paris, France', 'San Francisco, CA', 'Berlin, Germany']],
	[/country/i, ['France', 'Japan', 'Canada', 'Brazil']],
	[/ticker|symbol/i, ['AAPL', 'MSFT', 'GOOG']],
	[/currency/i, ['USD', 'EUR', 'JPY']],
	[/lang/i, ['en', 'fr', 'de']],
	[/name|title/i, ['Ada Lovelace', 'Project Atlas', 'Weekly report']],
	[
		/query|search|question|prompt|text|message|content|description/i,
		['current weather', 'latest release notes', 'how to reset a password']
	],
	[/path|file/i, ['/tmp/notes.md', 'src/index.ts', 'README.md']],
	[/unit/i, ['celsius', 'metric']]
];
const WORDS = ['alpha', 'bravo', 'sample', 'value', 'example', 'delta'];

/** Limits that keep a hostile schema (huge minItems, self-referencing allOf) from costing much. */
const MAX_VALUES = 2000;
const MAX_STRING = 1000;

interface Walk {
	rng: Rng;
	root: Schema;
	/** Values still allowed in this sample; arrays stop growing when it runs out. */
	budget: number;
	hint?: Hint;
}

/** What the prompt says a property should hold (a city it names, an expression); undefined: sample one. */
export type Hint = (property: string) => string | undefined;

export function sampleJson(schema: unknown, rng: Rng, hint?: Hint): unknown {
	return sample(schema, { rng, root: asSchema(schema), budget: MAX_VALUES, hint }, '', 0);
}

function sample(schema: unknown, w: Walk, name: string, depth: number): unknown {
	w.budget--;
	const { rng } = w;
	const s = resolve(asSchema(schema), w.root);
	if ('const' in s) return s.const;
	if (Array.isArray(s.enum) && s.enum.length > 0) {
		const hinted = w.hint?.(name)?.toLowerCase();
		return (
			s.enum.find((v) => typeof v === 'string' && v.toLowerCase() === hinted) ?? pick(rng, s.enum)
		);
	}
	// Only a pathological schema gets here (self-reference that is always required, or thousands of values).
	if (depth > MAX_DEPTH * 3 || w.budget < 0) return null;
	if (Array.isArray(s.allOf)) return sample(mergeAll(s, w.root), w, name, depth + 1);
	const branches = (
		Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : undefined
	) as unknown[] | undefined;
	// The first branch is usually the "main" one; other branches are often `null` alternatives.
	if (branches && branches.length > 0) return sample(branches[0], w, name, depth + 1);
	switch (typeOf(s)) {
		case 'object':
			return sampleObject(s, w, depth);
		case 'array':
			return sampleArray(s, w, name, depth);
		case 'integer':
			return sampleInteger(s, rng);
		case 'number':
			return sampleNumber(s, rng);
		case 'boolean':
			return rng() < 0.5;
		case 'null':
			return null;
		default: {
			// Strings, and anything untyped: a string is the most plausible guess.
			const v = sampleString(s, rng, name, w.hint?.(name));
			w.budget -= Math.floor(v.length / 20); // long strings use up the budget faster
			return v;
		}
	}
}

function asSchema(v: unknown): Schema {
	return v && typeof v === 'object' && !Array.isArray(v) ? (v as Schema) : {};
}

/** Follows local `#/...` references (the ones `$defs`/`definitions` use); anything else is treated as `{}`. */
function resolve(s: Schema, root: Schema, seen = 0): Schema {
	if (typeof s.$ref !== 'string' || seen > 10) return s;
	if (!s.$ref.startsWith('#')) return {};
	let target: unknown = root;
	for (const part of s.$ref.slice(1).split('/').filter(Boolean))
		target = asSchema(target)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
	const { $ref: _ref, ...rest } = s;
	return { ...resolve(asSchema(target), root, seen + 1), ...rest };
}

function mergeAll(s: Schema, root: Schema): Schema {
	const { allOf, ...rest } = s;
	const out: Schema = { ...rest };
	for (const part of allOf as unknown[]) {
		const p = resolve(asSchema(part), root);
		out.properties = { ...asSchema(out.properties), ...asSchema(p.properties) };
		out.required = [...((out.required as string[]) ?? []), ...((p.required as string[]) ?? [])];
		for (const [k, v] of Object.entries(p)) if (!(k in out)) out[k] = v;
	}
	return out;
}

function typeOf(s: Schema): string | undefined {
	if (typeof s.type === 'string') return s.type;
	// `["string", "null"]`: generate the non-null kind.
	if (Array.isArray(s.type)) return s.type.find((t) => t !== 'null') ?? 'null';
	if (s.properties) return 'object';
	if (s.items) return 'array';
	return undefined;
}

function sampleObject(s: Schema, w: Walk, depth: number): Record<string, unknown> {
	const { rng } = w;
	const props = asSchema(s.properties);
	const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
	// No prototype: property names like `__proto__` or `constructor` stay plain keys.
	const out: Record<string, unknown> = Object.create(null);
	for (const [key, sub] of Object.entries(props)) {
		// Optional fields appear about half the time, and not at all once the schema gets deep.
		if (!required.has(key) && (depth >= MAX_DEPTH || rng() < 0.5)) continue;
		out[key] = sample(sub, w, key, depth + 1);
	}
	// Required names without a property schema still need a value.
	for (const key of required) if (!Object.hasOwn(out, key)) out[key] = sampleString({}, rng, key);
	return out;
}

function sampleArray(s: Schema, w: Walk, name: string, depth: number): unknown[] {
	const { rng } = w;
	const min = nonNegative(s.minItems, 0);
	const max = Math.max(min, nonNegative(s.maxItems, Math.max(min, 3)));
	const n =
		depth >= MAX_DEPTH
			? min
			: intBetween(rng, Math.max(min, Math.min(1, max)), Math.min(max, min + 3));
	const items = s.items;
	const out: unknown[] = [];
	const seen = new Set<string>();
	for (let i = 0; out.length < n && i < n * 5 && w.budget > 0; i++) {
		const tuple = Array.isArray(s.prefixItems)
			? (s.prefixItems as unknown[])[out.length]
			: undefined;
		const v = sample(
			tuple ?? (Array.isArray(items) ? items[out.length] : items),
			w,
			name,
			depth + 1
		);
		const key = JSON.stringify(v);
		if (s.uniqueItems === true && seen.has(key)) continue;
		seen.add(key);
		out.push(v);
	}
	return out;
}

function nonNegative(v: unknown, fallback: number): number {
	return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : fallback;
}

const FORMATS: Record<string, (rng: Rng) => string> = {
	date: (rng) => isoDate(rng).slice(0, 10),
	'date-time': (rng) => isoDate(rng),
	time: (rng) => isoDate(rng).slice(11),
	email: (rng) => `${pick(rng, ['ada', 'grace', 'alan', 'linus'])}@example.com`,
	uri: (rng) => `https://example.com/${pick(rng, WORDS)}`,
	url: (rng) => `https://example.com/${pick(rng, WORDS)}`,
	uuid: (rng) => uuid(rng),
	hostname: () => 'example.com',
	ipv4: (rng) => `192.0.2.${intBetween(rng, 1, 254)}`
};

function isoDate(rng: Rng): string {
	// A fixed window (2024–2025) keeps dates plausible and independent of the clock.
	const ms =
		Date.UTC(2024, 0, 1) + Math.floor(rng() * 730) * 86_400_000 + intBetween(rng, 0, 86_399) * 1000;
	return new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
}

function uuid(rng: Rng): string {
	const hex = () => Math.floor(rng() * 16).toString(16);
	const part = (n: number) => Array.from({ length: n }, hex).join('');
	return `${part(8)}-${part(4)}-4${part(3)}-${'89ab'[Math.floor(rng() * 4)]}${part(3)}-${part(12)}`;
}

function sampleString(s: Schema, rng: Rng, name: string, hinted?: string): string {
	const format = typeof s.format === 'string' ? FORMATS[s.format] : undefined;
	if (format) return format(rng);
	const pattern = typeof s.pattern === 'string' ? s.pattern : undefined;
	const fits = hinted !== undefined && (!pattern || safeTest(pattern, hinted));
	const byName = BY_NAME.find(([re]) => re.test(name));
	let v = fits
		? hinted
		: byName
			? pick(rng, byName[1])
			: `${pick(rng, WORDS)}-${intBetween(rng, 1, 99)}`;
	const min = Math.min(MAX_STRING, nonNegative(s.minLength, 0));
	const max = nonNegative(s.maxLength, Number.MAX_SAFE_INTEGER);
	while (v.length < min) v += ' ' + pick(rng, WORDS);
	return v.slice(0, Math.max(min, Math.min(max, v.length)));
}

function bounds(s: Schema, fallback: [number, number]): [number, number, boolean, boolean] {
	const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
	const exMin = num(s.exclusiveMinimum);
	const exMax = num(s.exclusiveMaximum);
	const lo = exMin ?? num(s.minimum);
	const hi = exMax ?? num(s.maximum);
	const min = lo ?? (hi !== undefined ? Math.min(fallback[0], hi - 100) : fallback[0]);
	const max = hi ?? Math.max(fallback[1], min + 100);
	return [min, max, exMin !== undefined, exMax !== undefined];
}

function sampleInteger(s: Schema, rng: Rng): number {
	const [min, max, exMin, exMax] = bounds(s, [0, 100]);
	const lo = exMin ? Math.floor(min) + 1 : Math.ceil(min);
	const hi = exMax ? Math.ceil(max) - 1 : Math.floor(max);
	return hi < lo ? lo : intBetween(rng, lo, hi);
}

function sampleNumber(s: Schema, rng: Rng): number {
	const [min, max, exMin, exMax] = bounds(s, [0, 100]);
	const v = Math.round((min + rng() * (max - min)) * 100) / 100;
	if ((exMin && v <= min) || v < min) return exMax || min === max ? (min + max) / 2 : min;
	if ((exMax && v >= max) || v > max) return (min + max) / 2;
	return v;
}

function safeTest(pattern: string, value: string): boolean {
	try {
		return new RegExp(pattern, 'u').test(value);
	} catch {
		return false;
	}
}
