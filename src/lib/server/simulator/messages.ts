import type { Message, MessageCreateParams, MessageParam, ContentBlock } from '$lib/schemas';
import { findModel } from '$lib/models';
import { HttpProblem } from '../http';
import { apiId, createRng, hashString } from './random';
import { generateReply } from './text';
import { tokenize } from './tokens';
import { countInputTokens } from './count';

export interface SimContext {
	seed: string;
	betas: readonly string[];
}

/** Checks the API makes beyond the body's shape (model, limits, roles). */
export function checkSemantics(params: MessageCreateParams): void {
	const model = findModel(params.model);
	if (!model) throw new HttpProblem('not_found_error', `model: ${params.model}`);
	if (params.max_tokens > model.maxOutputTokens)
		throw new HttpProblem(
			'invalid_request_error',
			`max_tokens: ${params.max_tokens} > ${model.maxOutputTokens}, which is the maximum allowed number of output tokens for ${model.id}`
		);
	if (params.messages.length === 0)
		throw new HttpProblem('invalid_request_error', 'messages: at least one message is required');
	params.messages.forEach((m, i) => {
		if (Array.isArray(m.content) && m.content.length === 0 && !(m.role === 'assistant' && i === params.messages.length - 1))
			throw new HttpProblem('invalid_request_error', `messages.${i}.content: must not be empty`);
		if (Array.isArray(m.content))
			m.content.forEach((b, j) => {
				if (b.type === 'text' && typeof b.text === 'string' && b.text.trim() === '')
					throw new HttpProblem('invalid_request_error', `messages.${i}.content.${j}.text: text content blocks must be non-empty`);
			});
	});
	if (params.messages[0].role !== 'user')
		throw new HttpProblem('invalid_request_error', 'messages.0.role: the first message must use the "user" role');
}

export function textOf(content: MessageParam['content']): string {
	if (typeof content === 'string') return content;
	return content
		.map((b) => {
			if (b.type === 'text' && typeof b.text === 'string') return b.text;
			if (b.type === 'tool_result') {
				const c = (b as { content?: unknown }).content;
				if (typeof c === 'string') return c;
				if (Array.isArray(c)) return c.map((x) => (x?.type === 'text' ? x.text : '')).join(' ');
			}
			return '';
		})
		.join(' ');
}

/** A stable key for a request: same request, same answer. */
export function requestSeed(params: MessageCreateParams, ctx: SimContext): number {
	const { stream: _stream, ...rest } = params;
	return hashString(ctx.seed + '\u0000' + JSON.stringify(rest));
}

/** Cuts text at the first stop sequence or at max_tokens, whichever comes first. */
export function applyStops(
	text: string,
	maxTokens: number,
	stopSequences: readonly string[] = []
): { text: string; stop_reason: 'end_turn' | 'max_tokens' | 'stop_sequence'; stop_sequence: string | null; tokens: number } {
	let cut = text;
	let stopReason: 'end_turn' | 'max_tokens' | 'stop_sequence' = 'end_turn';
	let stopSequence: string | null = null;
	let at = -1;
	for (const s of stopSequences) {
		if (!s) continue;
		const i = text.indexOf(s);
		if (i >= 0 && (at < 0 || i < at)) {
			at = i;
			stopSequence = s;
		}
	}
	if (at >= 0) {
		cut = text.slice(0, at);
		stopReason = 'stop_sequence';
	}
	const pieces = tokenize(cut);
	if (pieces.length > maxTokens) {
		return { text: pieces.slice(0, maxTokens).join(''), stop_reason: 'max_tokens', stop_sequence: null, tokens: maxTokens };
	}
	return { text: cut, stop_reason: stopReason, stop_sequence: stopSequence, tokens: pieces.length };
}

export function planMessage(params: MessageCreateParams, ctx: SimContext): Message {
	checkSemantics(params);
	const model = findModel(params.model)!;
	const seed = requestSeed(params, ctx);
	const rng = createRng(seed);
	const last = params.messages[params.messages.length - 1];
	const lastUser = [...params.messages].reverse().find((m) => m.role === 'user');
	const reply = generateReply(lastUser ? textOf(lastUser.content) : '', seed);
	// A trailing assistant turn is a prefill: the answer continues it.
	const body = last.role === 'assistant' ? ' ' + reply : reply;
	const stopped = applyStops(body, params.max_tokens, params.stop_sequences);
	const content: ContentBlock[] = [{ type: 'text', text: stopped.text }];
	const input = countInputTokens(params);
	return {
		id: apiId('msg', rng),
		type: 'message',
		role: 'assistant',
		model: model.id,
		content,
		stop_reason: stopped.stop_reason,
		stop_sequence: stopped.stop_sequence,
		usage: {
			input_tokens: input,
			cache_creation_input_tokens: 0,
			cache_read_input_tokens: 0,
			output_tokens: Math.max(1, stopped.tokens)
		}
	};
}
