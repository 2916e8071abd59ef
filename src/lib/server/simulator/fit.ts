import type { ContentBlock, MessageCreateParams } from '$lib/schemas';
import { applyStops } from './messages';
import { countTextTokens } from './tokens';

export interface FittedContent {
	content: ContentBlock[];
	stop_reason: 'end_turn' | 'max_tokens' | 'stop_sequence';
	stop_sequence: string | null;
	tokens: number;
}

/**
 * Lays out a planned run of blocks within the token budget (max_tokens less thinking) and the
 * stop sequences: text is cut where it must stop; a server tool call that does not fit is
 * dropped whole, with what follows it.
 */
export function fitBlocks(
	blocks: readonly ContentBlock[],
	params: MessageCreateParams,
	budget = params.max_tokens
): FittedContent {
	const content: ContentBlock[] = [];
	let tokens = 0;
	for (const block of blocks) {
		const b = block as Record<string, unknown>;
		if (b.type === 'text') {
			const stopped = applyStops(String(b.text), budget - tokens, params.stop_sequences);
			tokens += stopped.tokens;
			if (stopped.text.length > 0 || stopped.stop_reason === 'end_turn')
				content.push({ ...b, text: stopped.text } as ContentBlock);
			if (stopped.stop_reason !== 'end_turn')
				return {
					content,
					stop_reason: stopped.stop_reason,
					stop_sequence: stopped.stop_sequence,
					tokens
				};
		} else {
			// The model writes a server tool call's input; the server writes its result (no output tokens).
			const cost =
				b.type === 'server_tool_use' ? countTextTokens(JSON.stringify(b.input ?? {})) + 4 : 0;
			if (tokens + cost > budget)
				return { content, stop_reason: 'max_tokens', stop_sequence: null, tokens: budget };
			tokens += cost;
			content.push(block);
		}
	}
	return { content, stop_reason: 'end_turn', stop_sequence: null, tokens };
}
