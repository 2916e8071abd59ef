/**
 * Batch templates: a Messages request body with `{{variable}}` placeholders in its strings.
 * Substitution works on the parsed body, never on JSON text, so a value with quotes, newlines
 * or any unicode can't break the JSON: it is just a string and JSON.stringify escapes it.
 */
/**
 * `{{name}}`, or `\\{{name}}`: a backslash before it keeps it as literal text (group 1 is the
 * backslash). One pattern for both, so a filled-in value is never read as an escape.
 */
const PLACEHOLDER = /(\\?)\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g;
const WHOLE = /^\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}$/;
/** Top-level params that are numbers: a whole-string placeholder there becomes a number. */
const NUMERIC_PARAMS = new Set(['max_tokens', 'temperature', 'top_k', 'top_p']);
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

export type Vars = Record<string, string>;

/** Every variable name the template uses, in first-use order. */
export function templateVariables(template: unknown): string[] {
	const found = new Set<string>();
	walkStrings(template, (s) => {
		for (const m of s.matchAll(PLACEHOLDER)) if (!m[1]) found.add(m[2]);
	});
	return [...found];
}

function walkStrings(value: unknown, visit: (s: string) => void): void {
	if (typeof value === 'string') visit(value);
	else if (Array.isArray(value)) value.forEach((v) => walkStrings(v, visit));
	else if (value && typeof value === 'object')
		Object.values(value).forEach((v) => walkStrings(v, visit));
}

export interface Substituted {
	value: unknown;
	/** Variables the template uses that the row does not have. */
	missing: string[];
}

/** Fills the template from one row. Missing variables are reported and left as written. */
export function substitute(template: unknown, vars: Vars): Substituted {
	const missing = new Set<string>();
	const fill = (s: string) =>
		s.replace(PLACEHOLDER, (whole, escape: string, name: string) => {
			if (escape) return whole.slice(1);
			if (Object.hasOwn(vars, name)) return vars[name];
			missing.add(name);
			return whole;
		});
	const visit = (value: unknown, key: string | null, depth: number): unknown => {
		if (typeof value === 'string') {
			const whole = value.match(WHOLE);
			if (
				whole &&
				depth === 1 &&
				key !== null &&
				NUMERIC_PARAMS.has(key) &&
				Object.hasOwn(vars, whole[1])
			) {
				const raw = vars[whole[1]].trim();
				if (NUMBER.test(raw)) return Number(raw);
			}
			return fill(value);
		}
		if (Array.isArray(value)) return value.map((v) => visit(v, null, depth + 1));
		if (value && typeof value === 'object')
			return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(v, k, depth + 1)]));
		return value;
	};
	return { value: visit(template, null, 0), missing: [...missing] };
}

/**
 * The playground's request as a batch template: `stream` is dropped (a batch request must not
 * stream) and everything else is kept as the user wrote it.
 */
export function templateFromRequest(body: Record<string, unknown>): Record<string, unknown> {
	const { stream: _stream, ...rest } = body;
	return rest;
}
