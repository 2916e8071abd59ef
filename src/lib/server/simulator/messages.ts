import type { ContentBlock, CountTokensParams, Message, MessageCreateParams } from '$lib/schemas';
import { BUNDLED_CATALOG, type Catalog, type CatalogModel } from '$lib/catalog';
import { usableModel } from './models';
import type { Faults } from './faults';
import { HttpProblem } from '../http';
import { apiId, createRng, hashString, type Rng } from './random';
import { generateReply } from './text';
import { countTextTokens, tokenize } from './tokens';
import { promptSegments, type PromptSegment } from './count';
import { withBreakpoints, type PromptCache } from './cache';
import { checkImages } from './images';
import type { FileStore } from './files-store';
import { planSourcedAnswer } from './sourced';
import { applyStopFault } from './stop-faults';
import { checkServerTools } from './server-tools';
import { checkTools } from './tool-checks';
import { planTools, textOf, type PlannedCall, type ToolPlan } from './tools';
import { checkThinking, planThinking } from './thinking';
import { outputConfigOf, structuredText } from './structured';
import { hintFor, promptHints } from './prompt-hints';
import { fullUsage } from './usage';
import type { Effort } from './text';

export interface SimContext {
	seed: string;
	betas: readonly string[];
	/** The `anthropic-version` header the request came with (default: the SDK's, 2026-10-21). */
	version?: string;
	/** The simulator instance's prompt cache; without one nothing is cached. */
	cache?: PromptCache;
	/** The simulator's Files API store, for `file` sources in messages. */
	files?: FileStore;
	/** Default: the bundled catalog. */
	catalog?: Catalog;
	/** The clock lifecycle is judged against; default: now. */
	now?: Date;
	faults?: Faults;
}

/** Checks the API makes beyond the body's shape (model, limits, roles). */
export function checkSemantics(params: MessageCreateParams, ctx: SimContext): CatalogModel {
	const model = usableModel(params.model, ctx.catalog ?? BUNDLED_CATALOG, ctx.now ?? new Date());
	if (params.max_tokens > model.max_output_tokens)
		throw new HttpProblem(
			'invalid_request_error',
			`max_tokens: ${params.max_tokens} > ${model.max_output_tokens}, ` +
				`which is the maximum allowed number of output tokens for ${model.id}`
		);
	if (params.messages.length === 0)
		throw new HttpProblem('invalid_request_error', 'messages: at least one message is required');
	params.messages.forEach((m, i) => {
		if (
			Array.isArray(m.content) &&
			m.content.length === 0 &&
			!(m.role === 'assistant' && i === params.messages.length - 1)
		)
			throw new HttpProblem('invalid_request_error', `messages.${i}.content: must not be empty`);
		if (Array.isArray(m.content))
			m.content.forEach((b, j) => {
				if (b.type === 'text' && typeof b.text === 'string' && b.text.trim() === '')
					throw new HttpProblem(
						'invalid_request_error',
						`messages.${i}.content.${j}.text: text content blocks must be non-empty`
					);
			});
	});
	if (params.messages[0].role !== 'user')
		throw new HttpProblem(
			'invalid_request_error',
			'messages.0.role: the first message must use the "user" role'
		);
	return model;
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
): {
	text: string;
	stop_reason: 'end_turn' | 'max_tokens' | 'stop_sequence';
	stop_sequence: string | null;
	tokens: number;
} {
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
		return {
			text: pieces.slice(0, maxTokens).join(''),
			stop_reason: 'max_tokens',
			stop_sequence: null,
			tokens: maxTokens
		};
	}
	return { text: cut, stop_reason: stopReason, stop_sequence: stopSequence, tokens: pieces.length };
}

/** Prompt checks shared by Messages and count_tokens: images, tools, cache breakpoints. */
export function checkPrompt(params: CountTokensParams, betas: readonly string[]): PromptSegment[] {
	checkImages(params.messages);
	checkTools(params, betas);
	return withBreakpoints(promptSegments(params), params.cache_control ?? undefined);
}

/** Tokens of a tool call: its name, its input JSON and a little framing. */
function toolUseTokens(call: PlannedCall): number {
	return countTextTokens(call.name) + countTextTokens(JSON.stringify(call.input)) + 4;
}

interface Planned {
	content: ContentBlock[];
	stop_reason: 'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use';
	stop_sequence: string | null;
	tokens: number;
}

/** Lays out text then tool calls within `budget` tokens; a call that does not fit is cut off entirely. */
function layout(plan: ToolPlan, params: MessageCreateParams, budget: number, rng: Rng): Planned {
	const content: ContentBlock[] = [];
	let tokens = 0;
	if (plan.text) {
		const stopped = applyStops(plan.text, budget, params.stop_sequences);
		content.push({ type: 'text', text: stopped.text });
		tokens = stopped.tokens;
		if (stopped.stop_reason !== 'end_turn') return { content, ...stopped, tokens };
	}
	for (const call of plan.calls) {
		const cost = toolUseTokens(call);
		if (tokens + cost > budget)
			return { content, stop_reason: 'max_tokens', stop_sequence: null, tokens: budget };
		const toolset = call.toolset_name ? { toolset_name: call.toolset_name } : {};
		content.push({
			type: 'tool_use',
			id: apiId('toolu', rng),
			name: call.name,
			input: call.input,
			caller: { type: 'direct' },
			...toolset
		});
		tokens += cost;
	}
	return {
		content,
		stop_reason: plan.calls.length > 0 ? 'tool_use' : 'end_turn',
		stop_sequence: null,
		tokens
	};
}

function plainText(
	params: MessageCreateParams,
	budget: number,
	seed: number,
	effort: Effort,
	rng: Rng
): Planned {
	const last = params.messages[params.messages.length - 1];
	const lastUser = [...params.messages].reverse().find((m) => m.role === 'user');
	const prompt = lastUser ? textOf(lastUser) : '';
	const format = outputConfigOf(params).format;
	if (format) {
		// Structured output is all or nothing: a cut-off document would not parse.
		const hints = promptHints(prompt);
		const text = structuredText(format.schema, rng, (p) => hintFor(hints, p, 0));
		const tokens = countTextTokens(text);
		if (tokens > budget)
			return { content: [], stop_reason: 'max_tokens', stop_sequence: null, tokens: budget };
		return {
			content: [{ type: 'text', text }],
			stop_reason: 'end_turn',
			stop_sequence: null,
			tokens
		};
	}
	const reply = generateReply(prompt, seed, effort);
	// A trailing assistant turn is a prefill: the answer continues it.
	const body = last.role === 'assistant' ? ' ' + reply : reply;
	const stopped = applyStops(body, budget, params.stop_sequences);
	return { content: [{ type: 'text', text: stopped.text }], ...stopped };
}

/** `max_tokens: 0` pre-warms the prompt cache: the prompt is processed, nothing is generated. */
const PREWARM: Planned = { content: [], stop_reason: 'max_tokens', stop_sequence: null, tokens: 0 };

export function planMessage(params: MessageCreateParams, ctx: SimContext): Message {
	const model = checkSemantics(params, ctx);
	checkServerTools(params);
	const thinking = checkThinking(params, model);
	const output = outputConfigOf(params);
	if (output.effort && !model.capabilities.effort)
		throw new HttpProblem(
			'invalid_request_error',
			`output_config.effort: ${model.id} does not support the effort parameter`
		);
	const segments = checkPrompt(params, ctx.betas);
	const total = segments.reduce((n, s) => n + s.tokens, 0);
	if (total > model.context_window)
		throw new HttpProblem(
			'invalid_request_error',
			`prompt is too long: ${total} tokens > ${model.context_window} maximum`
		);
	const seed = requestSeed(params, ctx);
	const rng = createRng(seed);
	const id = apiId('msg', rng);
	const effort: Effort = output.effort ?? 'high';
	const plan = params.max_tokens === 0 ? undefined : planTools(params, rng);
	const last = params.messages[params.messages.length - 1];
	const thought = planThinking(
		thinking,
		model,
		{
			prompt: textOf(last),
			effort,
			betweenTools:
				!!plan && plan.calls.length > 0 && JSON.stringify(last.content).includes('"tool_result"'),
			redacted: ctx.faults?.redactedThinking === true,
			maxTokens: params.max_tokens
		},
		rng
	);
	const budget = Math.max(0, params.max_tokens - thought.tokens);
	const sourced =
		params.max_tokens === 0
			? undefined
			: planSourcedAnswer(params, seed, rng, !!plan && plan.calls.length > 0, budget, ctx.files);
	const planned =
		params.max_tokens === 0
			? PREWARM
			: (sourced ??
				(plan ? layout(plan, params, budget, rng) : plainText(params, budget, seed, effort, rng)));
	const cached = ctx.cache?.account(model.id, model.min_cacheable_tokens, segments) ?? {
		input_tokens: total,
		cache_creation_input_tokens: 0,
		cache_read_input_tokens: 0,
		cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 }
	};
	const outputTokens = params.max_tokens === 0 ? 0 : Math.max(1, planned.tokens + thought.tokens);
	const usage = fullUsage(cached, outputTokens, thought.tokens);
	return applyStopFault(
		{
			id,
			type: 'message',
			role: 'assistant',
			model: model.id,
			content: [...thought.blocks, ...planned.content],
			stop_reason: planned.stop_reason,
			stop_sequence: planned.stop_sequence,
			stop_details: null,
			container: null,
			usage: sourced?.server_tool_use
				? { ...usage, server_tool_use: sourced.server_tool_use }
				: usage
		},
		ctx.faults?.stop
	);
}
