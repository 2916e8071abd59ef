/**
 * Answering a tool_use turn: the calls an assistant message makes, and the next two turns
 * (the assistant message as sent back, then a user message whose tool_result blocks come
 * first, in call order). Results are matched to calls by tool_use_id, never by position,
 * and a turn with any call unanswered is refused: the API rejects it anyway.
 */
import type { ContentBlock, IMAGE_MEDIA_TYPES, ToolCall, ToolResultBlockParam } from '$lib/schemas';

export type { ToolCall };

/** What the person (or a mock, or the file system) answered for one call. */
export interface ToolAnswer {
	/** Text or JSON text; may be empty when an image carries the result. */
	text: string;
	isError: boolean;
	/** A screenshot (base64, no data: prefix), sent as an image block inside the tool_result. */
	image?: { mediaType: (typeof IMAGE_MEDIA_TYPES)[number]; data: string };
}

export type Turn = { role: 'assistant' | 'user'; content: Record<string, unknown>[] };

export type PairingOutcome = { ok: true; turns: [Turn, Turn] } | { ok: false; missing: ToolCall[] };

const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** The tool_use blocks of a response, in order. */
export function toolCalls(content: readonly ContentBlock[]): ToolCall[] {
	const calls: ToolCall[] = [];
	for (const b of content) {
		if (b.type === 'tool_use' && typeof b.id === 'string' && typeof b.name === 'string') {
			calls.push({ id: b.id, name: b.name, input: isRecord(b.input) ? b.input : {} });
		}
	}
	return calls;
}

export function toolResultBlock(call: ToolCall, answer: ToolAnswer): ToolResultBlockParam {
	const block: ToolResultBlockParam = { type: 'tool_result', tool_use_id: call.id };
	if (answer.image) {
		const parts: NonNullable<ToolResultBlockParam['content']> = [];
		if (answer.text) parts.push({ type: 'text', text: answer.text });
		parts.push({
			type: 'image',
			source: { type: 'base64', media_type: answer.image.mediaType, data: answer.image.data }
		});
		block.content = parts;
	} else {
		block.content = answer.text;
	}
	if (answer.isError) block.is_error = true;
	return block;
}

/** A response block as a request must carry it: response-only null fields (citations) dropped. */
function asParam(block: ContentBlock): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(block)) if (!(k === 'citations' && v == null)) out[k] = v;
	return out;
}

/**
 * The assistant turn (the response's content) and the user turn that answers it.
 * `answers` is keyed by tool_use_id; its order does not matter.
 */
export function answerTurns(
	content: readonly ContentBlock[],
	answers: Readonly<Record<string, ToolAnswer | undefined>>
): PairingOutcome {
	const calls = toolCalls(content);
	const missing = calls.filter((c) => !answers[c.id]);
	if (calls.length === 0 || missing.length > 0) return { ok: false, missing };
	const results = calls.map((c) => toolResultBlock(c, answers[c.id]!));
	return {
		ok: true,
		turns: [
			{ role: 'assistant', content: content.map(asParam) },
			{ role: 'user', content: results }
		]
	};
}
