/** Source-code literals for JSON values, pretty-printed the way each language's formatter would. */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const JS_IDENT = /^[A-Za-z_$][\w$]*$/;

/** A JavaScript/TypeScript literal: identifier keys are left unquoted. */
export function jsLiteral(value: unknown, indent = '', step = '  '): string {
	return literal(value as Json, indent, step, {
		key: (k) => (JS_IDENT.test(k) ? k : JSON.stringify(k)),
		open: '{',
		close: '}',
		sep: ': ',
		scalar: (v) => JSON.stringify(v)
	});
}

/** A Python literal: dict with quoted keys, True/False/None. JSON string escapes are valid Python. */
export function pythonLiteral(value: unknown, indent = '', step = '    '): string {
	return literal(value as Json, indent, step, {
		key: (k) => JSON.stringify(k),
		open: '{',
		close: '}',
		sep: ': ',
		scalar: (v) =>
			v === null ? 'None' : v === true ? 'True' : v === false ? 'False' : JSON.stringify(v)
	});
}

interface Syntax {
	key(k: string): string;
	open: string;
	close: string;
	sep: string;
	scalar(v: null | boolean | number | string): string;
}

function literal(value: Json, indent: string, step: string, s: Syntax): string {
	const inner = indent + step;
	if (Array.isArray(value)) {
		if (value.length === 0) return '[]';
		return `[\n${value.map((v) => inner + literal(v, inner, step, s)).join(',\n')},\n${indent}]`;
	}
	if (value && typeof value === 'object') {
		const entries = Object.entries(value);
		if (entries.length === 0) return s.open + s.close;
		const lines = entries.map(
			([k, v]) => `${inner}${s.key(k)}${s.sep}${literal(v, inner, step, s)}`
		);
		return `${s.open}\n${lines.join(',\n')},\n${indent}${s.close}`;
	}
	return s.scalar(value);
}

/** The request without `stream`: the SDKs choose streaming by method, not by flag. */
export function withoutStream(request: Record<string, unknown>): {
	body: Record<string, unknown>;
	isStream: boolean;
} {
	const { stream, ...body } = request;
	return { body, isStream: stream === true };
}

export interface CodeInput {
	request: Record<string, unknown>;
	betas: readonly string[];
	/** The anthropic-version the request was built for; absent means the current one. */
	apiVersion?: string;
}

/** What today's SDKs send by default; another version must be set on the client. */
export const SDK_DEFAULT_VERSION = '2026-10-21';

/** The version a generated client must set explicitly, or null when the SDK default applies. */
export function pinnedVersion(input: CodeInput): string | null {
	return input.apiVersion && input.apiVersion !== SDK_DEFAULT_VERSION ? input.apiVersion : null;
}

/**
 * Sampling fields the API accepts but the current official SDKs no longer declare (deprecated in
 * their types). Generated code sends them the way each SDK sends undocumented params.
 */
export const UNDECLARED_FIELDS = ['temperature', 'top_k', 'top_p'] as const;

export function splitUndeclared(body: Record<string, unknown>) {
	const declared: Record<string, unknown> = {};
	const undeclared: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(body))
		((UNDECLARED_FIELDS as readonly string[]).includes(k) ? undeclared : declared)[k] = v;
	return { declared, undeclared };
}
