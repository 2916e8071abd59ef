import { createHash } from 'node:crypto';
import { HttpProblem } from '../http';
import type { PromptSegment } from './count';

/**
 * Prompt caching as the API bills it. Each `cache_control` breakpoint marks a prefix (tools,
 * then system, then messages, up to and including the marked block). A prefix at or above
 * the model's minimum is written on first use and read on a repeat within its TTL (a hit
 * refreshes the TTL); shorter prefixes are simply not cached. The cache lives in memory,
 * one per simulator instance, keyed on model + the exact prefix content.
 */
export const MAX_BREAKPOINTS = 4;
const TTL_MS = { '5m': 5 * 60_000, '1h': 60 * 60_000 } as const;

export interface CacheUsage {
	input_tokens: number;
	cache_creation_input_tokens: number;
	cache_read_input_tokens: number;
	/** The writes split by TTL, as `usage.cache_creation` reports them. */
	cache_creation: { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number };
}

interface Breakpoint {
	hash: string;
	/** Tokens of the whole prefix up to and including the marked block. */
	tokens: number;
	ttlMs: number;
}

/**
 * Marks the last block as a breakpoint when the request asks for automatic caching
 * (top-level `cache_control`, 2025), then enforces the API's limit of 4 breakpoints.
 */
export function withBreakpoints(
	segments: PromptSegment[],
	topLevel?: PromptSegment['cacheControl']
): PromptSegment[] {
	let out = segments;
	if (topLevel) {
		// Blocks only: not the base overhead nor a message's role marker.
		const last = segments.findLastIndex((s) => s.path !== '' && !/^messages\.\d+$/.test(s.path));
		if (last >= 0 && !segments[last].cacheControl)
			out = segments.map((s, i) => (i === last ? { ...s, cacheControl: topLevel } : s));
	}
	const found = out.filter((s) => s.cacheControl).length;
	if (found > MAX_BREAKPOINTS)
		throw new HttpProblem(
			'invalid_request_error',
			`A maximum of ${MAX_BREAKPOINTS} blocks with cache_control may be provided. Found ${found}.`
		);
	return out;
}

function breakpoints(model: string, segments: PromptSegment[]): Breakpoint[] {
	const hash = createHash('sha256').update(model);
	const out: Breakpoint[] = [];
	let tokens = 0;
	for (const s of segments) {
		// Length-prefixed so that segment boundaries are part of the key.
		hash.update(`${s.key.length}:${s.key}`);
		tokens += s.tokens;
		if (s.cacheControl)
			out.push({
				hash: hash.copy().digest('hex'),
				tokens,
				ttlMs: TTL_MS[s.cacheControl.ttl ?? '5m']
			});
	}
	return out;
}

export class PromptCache {
	readonly #expiry = new Map<string, number>();
	readonly #now: () => number;

	constructor(now: () => number = Date.now) {
		this.#now = now;
	}

	/**
	 * Splits a prompt's tokens into read, written and uncached, updating the cache as the API
	 * would: the longest cached prefix is read, the longest eligible one beyond it is written.
	 */
	account(model: string, minTokens: number, segments: PromptSegment[]): CacheUsage {
		const total = segments.reduce((n, s) => n + s.tokens, 0);
		const now = this.#now();
		const eligible = breakpoints(model, segments).filter((b) => b.tokens >= minTokens);
		let read = 0;
		for (const b of eligible) {
			const expires = this.#expiry.get(b.hash);
			if (expires === undefined || expires <= now) continue;
			this.#expiry.set(b.hash, now + b.ttlMs);
			read = Math.max(read, b.tokens);
		}
		let written = 0;
		// The API wants 1-hour breakpoints before 5-minute ones: the prefix up to the last 1-hour one is 1-hour.
		let writtenHour = 0;
		for (const b of eligible) {
			if (b.tokens <= read) continue;
			this.#expiry.set(b.hash, now + b.ttlMs);
			written = Math.max(written, b.tokens);
			if (b.ttlMs === TTL_MS['1h']) writtenHour = Math.max(writtenHour, b.tokens);
		}
		this.#forgetExpired(now);
		const creation = written > 0 ? written - read : 0;
		const hour = writtenHour > read ? writtenHour - read : 0;
		return {
			input_tokens: total - read - creation,
			cache_creation_input_tokens: creation,
			cache_read_input_tokens: read,
			cache_creation: {
				ephemeral_5m_input_tokens: creation - hour,
				ephemeral_1h_input_tokens: hour
			}
		};
	}

	#forgetExpired(now: number): void {
		for (const [k, expires] of this.#expiry) if (expires <= now) this.#expiry.delete(k);
	}
}
