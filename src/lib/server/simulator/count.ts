import type { CountTokensParams } from '$lib/schemas';
import { countTextTokens } from './tokens';

const PER_MESSAGE = 3;
const BASE = 4;

function blockTokens(block: unknown): number {
	if (!block || typeof block !== 'object') return 0;
	const b = block as Record<string, unknown>;
	switch (b.type) {
		case 'text':
			return countTextTokens(String(b.text ?? ''));
		case 'image':
			return imageTokens(b.source);
		case 'tool_result': {
			const c = b.content;
			const inner = typeof c === 'string' ? countTextTokens(c) : Array.isArray(c) ? c.reduce((n, x) => n + blockTokens(x), 0) : 0;
			return inner + 4;
		}
		default: {
			const { cache_control: _c, ...rest } = b;
			return countTextTokens(JSON.stringify(rest));
		}
	}
}

/** Images cost about (width × height) / 750 tokens; without dimensions we estimate from the byte size. */
export function imageTokens(source: unknown): number {
	const s = source as { data?: string } | undefined;
	const bytes = s?.data ? Math.floor((s.data.length * 3) / 4) : 0;
	return Math.max(85, Math.min(1600, Math.round(bytes / 100)));
}

export function countInputTokens(params: CountTokensParams): number {
	let n = BASE;
	if (typeof params.system === 'string') n += countTextTokens(params.system);
	else if (params.system) n += params.system.reduce((t, b) => t + blockTokens(b), 0);
	for (const tool of params.tools ?? []) {
		const { cache_control: _c, ...rest } = tool as Record<string, unknown>;
		n += countTextTokens(JSON.stringify(rest)) + 8;
	}
	for (const m of params.messages) {
		n += PER_MESSAGE;
		n += typeof m.content === 'string' ? countTextTokens(m.content) : m.content.reduce((t, b) => t + blockTokens(b), 0);
	}
	return n;
}
