import { REQUEST_BLOCK_TYPES as BLOCK_TYPES } from '$lib/schemas/content';
import { HttpProblem } from '../http';

/**
 * Checks the real API makes on a request's raw body before anything else, in its wording:
 * roles and block types are closed sets (a typo is a 400 naming the place, not a silent pass),
 * and `system`-role messages (SDK 1.14's `SystemMessageParam`) are system text in the
 * conversation: the simulator folds them into `system` so every later step sees one prompt.
 */
const ROLES = ['user', 'assistant', 'system'];
const quoted = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

type Raw = Record<string, unknown>;

export function checkRolesAndBlocks(body: unknown): void {
	const messages = (body as Raw | null)?.messages;
	if (!Array.isArray(messages)) return; // the schema names a missing or malformed `messages`
	messages.forEach((m: Raw, i) => {
		if (!m || typeof m !== 'object') return;
		if (typeof m.role === 'string' && !ROLES.includes(m.role))
			throw new HttpProblem(
				'invalid_request_error',
				`messages.${i}.role: Input should be 'user', 'assistant' or 'system'`
			);
		if (!Array.isArray(m.content)) return;
		(m.content as Raw[]).forEach((b, j) => {
			const type = b && typeof b === 'object' ? b.type : undefined;
			if (typeof type === 'string' && !BLOCK_TYPES.includes(type))
				throw new HttpProblem(
					'invalid_request_error',
					`messages.${i}.content.${j}: Input tag '${type}' found using 'type' does not match ` +
						`any of the expected tags: ${quoted(BLOCK_TYPES)}`
				);
		});
	});
}

function textOf(content: unknown): string {
	if (typeof content === 'string') return content;
	if (!Array.isArray(content)) return '';
	return (content as Raw[])
		.map((b) => (b?.type === 'text' && typeof b.text === 'string' ? b.text : ''))
		.join('\n');
}

/** The body with `system`-role messages moved into top-level `system` (as text blocks, in order). */
export function foldSystemMessages(body: unknown): unknown {
	const b = body as Raw | null;
	if (!b || !Array.isArray(b.messages) || !b.messages.some((m: Raw) => m?.role === 'system'))
		return body;
	const extra = (b.messages as Raw[])
		.filter((m) => m?.role === 'system')
		.map((m, k) => {
			const text = textOf(m.content);
			if (!text.trim())
				throw new HttpProblem(
					'invalid_request_error',
					`messages: system message ${k} must have non-empty text`
				);
			return { type: 'text', text };
		});
	const base =
		typeof b.system === 'string'
			? b.system
				? [{ type: 'text', text: b.system }]
				: []
			: Array.isArray(b.system)
				? b.system
				: [];
	return {
		...b,
		system: [...base, ...extra],
		messages: (b.messages as Raw[]).filter((m) => m?.role !== 'system')
	};
}
