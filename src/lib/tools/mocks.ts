/**
 * Mock responders: how a tool call can be answered without a person, so Auto-run can
 * drive the loop. A fixed text, a template filled from the call's input
 * (`{"city": "{{input.city}}"}`), or the built-in calculator.
 */
import { calculate } from './calculator';
import type { ToolAnswer, ToolCall } from './pairing';

export type MockResponder =
	| { kind: 'none' }
	| { kind: 'fixed'; text: string; isError?: boolean }
	| { kind: 'template'; template: string }
	| { kind: 'calculator' }
	| { kind: 'bash'; rules: BashRule[] };

/** A bash mock rule: the first whose pattern (a regular expression) matches the command answers. */
export interface BashRule {
	pattern: string;
	output: string;
	isError?: boolean;
}

export type MockKind = MockResponder['kind'];

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
/** `input`, then dotted keys or array indexes; nothing else (no calls, no brackets). */
const PATH = /^input(\.[A-Za-z0-9_-]+)*$/;

type Rendered = { ok: true; text: string } | { ok: false; error: string };

/** Reads `input.a.0.b` through own properties only, so `constructor` or `__proto__` find nothing. */
function lookup(input: Record<string, unknown>, path: string): { found: boolean; value?: unknown } {
	let value: unknown = input;
	for (const key of path.split('.').slice(1)) {
		if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key))
			return { found: false };
		value = (value as Record<string, unknown>)[key];
	}
	return { found: true, value };
}

/**
 * Fills `{{input.x}}` placeholders. A string is inserted JSON-escaped without its quotes,
 * so a template written as JSON stays valid JSON; any other value is inserted as JSON.
 */
export function renderTemplate(template: string, input: Record<string, unknown>): Rendered {
	const problems: string[] = [];
	const text = template.replace(PLACEHOLDER, (_, raw: string) => {
		if (!PATH.test(raw)) {
			problems.push(`"{{${raw}}}" is not a placeholder; use {{input.field}}`);
			return '';
		}
		const { found, value } = lookup(input, raw);
		if (!found) {
			problems.push(`the call's input has no ${raw}`);
			return '';
		}
		return typeof value === 'string' ? JSON.stringify(value).slice(1, -1) : JSON.stringify(value);
	});
	return problems.length
		? { ok: false, error: `Template: ${problems.join('; ')}` }
		: { ok: true, text };
}

/** The calculator reads `input.expression`, or the input's only string field. */
function expressionOf(input: Record<string, unknown>): string | undefined {
	if (typeof input.expression === 'string') return input.expression;
	const strings = Object.values(input).filter((v): v is string => typeof v === 'string');
	return strings.length === 1 ? strings[0] : undefined;
}

/** bash_20250124 input: `{command}` or `{restart: true}`; an unmatched command has no answer. */
export function bashAnswer(
	rules: readonly BashRule[],
	input: Record<string, unknown>
): ToolAnswer | null {
	if (input.restart === true) return { text: 'tool has been restarted.', isError: false };
	if (typeof input.command !== 'string')
		return { text: 'Expected a "command" string in the input.', isError: true };
	for (const rule of rules) {
		let re: RegExp;
		try {
			re = new RegExp(rule.pattern);
		} catch (e) {
			return {
				text: `Mock pattern ${JSON.stringify(rule.pattern)} is not a regular expression: ${(e as Error).message}`,
				isError: true
			};
		}
		if (re.test(input.command)) return { text: rule.output, isError: rule.isError === true };
	}
	return null;
}

/** The answer a mock gives to a call, or null when the tool has no mock. */
export function mockAnswer(mock: MockResponder, call: ToolCall): ToolAnswer | null {
	switch (mock.kind) {
		case 'none':
			return null;
		case 'fixed':
			return { text: mock.text, isError: mock.isError === true };
		case 'template': {
			const r = renderTemplate(mock.template, call.input);
			return r.ok ? { text: r.text, isError: false } : { text: r.error, isError: true };
		}
		case 'bash':
			return bashAnswer(mock.rules, call.input);
		case 'calculator': {
			const expression = expressionOf(call.input);
			if (expression === undefined)
				return { text: 'Expected an "expression" string in the input.', isError: true };
			const r = calculate(expression);
			return r.ok
				? { text: String(r.value), isError: false }
				: { text: `Cannot evaluate: ${r.error}`, isError: true };
		}
	}
}
