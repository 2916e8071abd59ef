import type { CacheControl, CountTokensParams } from '$lib/schemas';
import { countTextTokens } from './tokens';
import { imageTokens } from './images';
import { sourceTokens } from './documents';

const PER_MESSAGE = 3;
const PER_TOOL = 8;
const BASE = 4;

/**
 * One piece of the prompt in the API's prefix order (tools, then system, then messages),
 * with its token cost and, when it carries one, its cache breakpoint. `key` is the piece's
 * exact content, so equal prefixes hash equally for the prompt cache.
 */
export interface PromptSegment {
	/** Where the piece sits in the request, for error messages (`tools.0`, `messages.1.content.2`). */
	path: string;
	key: string;
	tokens: number;
	cacheControl?: CacheControl;
}

function blockTokens(block: unknown): number {
	if (!block || typeof block !== 'object') return 0;
	const b = block as Record<string, unknown>;
	switch (b.type) {
		case 'text':
			return countTextTokens(String(b.text ?? ''));
		case 'image':
			return sourceTokens(b) ?? imageTokens(b.source);
		case 'document':
		case 'search_result':
			return sourceTokens(b) ?? 0;
		case 'tool_result': {
			const c = b.content;
			const inner =
				typeof c === 'string'
					? countTextTokens(c)
					: Array.isArray(c)
						? c.reduce((n, x) => n + blockTokens(x), 0)
						: 0;
			return inner + 4;
		}
		default:
			return countTextTokens(JSON.stringify(withoutCacheControl(b)));
	}
}

function withoutCacheControl(b: Record<string, unknown>): Record<string, unknown> {
	const { cache_control: _c, ...rest } = b;
	return rest;
}

function blockSegment(block: unknown, path: string): PromptSegment {
	const b = (block ?? {}) as Record<string, unknown>;
	const cc = b.cache_control as CacheControl | null | undefined;
	return {
		path,
		key: JSON.stringify(withoutCacheControl(b)),
		tokens: blockTokens(b),
		cacheControl: cc ?? undefined
	};
}

/** The prompt as segments; their tokens add up to the count_tokens answer. */
export function promptSegments(params: CountTokensParams): PromptSegment[] {
	const out: PromptSegment[] = [{ path: '', key: 'base', tokens: BASE }];
	(params.tools ?? []).forEach((tool, i) => {
		const s = blockSegment(tool, `tools.${i}`);
		out.push({ ...s, key: 'tool:' + s.key, tokens: countTextTokens(s.key) + PER_TOOL });
	});
	if (typeof params.system === 'string')
		out.push({
			path: 'system',
			key: 'system:' + params.system,
			tokens: countTextTokens(params.system)
		});
	else params.system?.forEach((b, i) => out.push(blockSegment(b, `system.${i}`)));
	params.messages.forEach((m, i) => {
		// The role marker keeps "user: X" and "assistant: X" apart in the cache key.
		out.push({ path: `messages.${i}`, key: 'role:' + m.role, tokens: PER_MESSAGE });
		if (typeof m.content === 'string')
			out.push({
				path: `messages.${i}.content`,
				key: JSON.stringify(m.content),
				tokens: countTextTokens(m.content)
			});
		else m.content?.forEach((b, j) => out.push(blockSegment(b, `messages.${i}.content.${j}`)));
	});
	return out;
}

export function countInputTokens(params: CountTokensParams): number {
	return promptSegments(params).reduce((n, s) => n + s.tokens, 0);
}
