import { HttpProblem } from '../http';

/**
 * What API version 2026-10-21 refuses that 2023-06-01 still accepts: the sampling parameters
 * (even at their defaults), `document` blocks in assistant turns, and non-empty `citations`
 * on text blocks in user turns. The temperature wording is the real API's; the other two
 * messages follow its style (the exact text was not found in a recording).
 */
export const DEFAULT_VERSION = '2026-10-21';
const KNOWN_VERSIONS = ['2023-01-01', '2023-06-01', '2026-10-21'];

export function checkVersionHeader(version: string): void {
	if (!KNOWN_VERSIONS.includes(version))
		throw new HttpProblem(
			'invalid_request_error',
			`anthropic-version: "${version}" is not a valid version`
		);
}

type Body = { messages?: unknown; [k: string]: unknown };
type Block = { type?: unknown; citations?: unknown };

export function checkVersionRules(params: Body, version: string | undefined): void {
	if ((version ?? DEFAULT_VERSION) < '2026-10-21') return;
	for (const field of ['temperature', 'top_p', 'top_k'])
		if (field in params && params[field] !== undefined)
			throw new HttpProblem('invalid_request_error', `${field}: Extra inputs are not permitted`);
	const messages = Array.isArray(params.messages)
		? (params.messages as { role?: string; content?: unknown }[])
		: [];
	messages.forEach((m, i) => {
		if (!Array.isArray(m.content)) return;
		(m.content as Block[]).forEach((b, j) => {
			if (m.role === 'assistant' && b?.type === 'document')
				throw new HttpProblem(
					'invalid_request_error',
					`messages.${i}.content.${j}: document blocks are not allowed in assistant messages in API version 2026-10-21`
				);
			if (
				m.role === 'user' &&
				b?.type === 'text' &&
				Array.isArray(b.citations) &&
				b.citations.length > 0
			)
				throw new HttpProblem(
					'invalid_request_error',
					`messages.${i}.content.${j}.citations: citations on text blocks in user messages ` +
						'are not allowed in API version 2026-10-21'
				);
		});
	});
}
