import { createHash } from 'node:crypto';
import type { ContentBlock, MessageCreateParams } from '$lib/schemas';
import type { CatalogModel } from '$lib/catalog';
import { HttpProblem } from '../http';
import { intBetween, pick, type Rng } from './random';
import type { Effort } from './text';
import { countTextTokens, tokenize } from './tokens';
import { planOf, readPrompt } from './prose/intent';

/**
 * Extended thinking as the API returns it: thinking blocks before the answer, each with a
 * signature; `display: "omitted"` keeps the block (and its signature) but empties the text;
 * the `redacted_thinking` fault returns the reasoning encrypted instead. Thinking tokens are
 * output tokens and are reported in `usage.output_tokens_details.thinking_tokens`.
 *
 * - `enabled`: thinks within `budget_tokens` (≥ 1024 and < `max_tokens`);
 * - `adaptive`: the model decides: longer with more effort, nothing for a bare greeting;
 * - `between_tools`: no reasoning, but a short progress note between tool calls;
 * - `disabled` or absent: no thinking.
 */
export type ThinkingConfig =
	| { type: 'enabled'; budget_tokens: number; display?: 'summarized' | 'omitted' | null }
	| { type: 'adaptive'; display?: 'summarized' | 'omitted' | null }
	| { type: 'between_tools' }
	| { type: 'disabled' };

export interface ThinkingPlan {
	blocks: ContentBlock[];
	/** Tokens of the reasoning produced (billed as output), whether or not its text is shown. */
	tokens: number;
}

const TYPES = ['enabled', 'adaptive', 'between_tools', 'disabled'];
export const MIN_BUDGET = 1024;

export function thinkingOf(params: MessageCreateParams): ThinkingConfig | undefined {
	return (params as { thinking?: ThinkingConfig | null }).thinking ?? undefined;
}

/** The API's checks on `thinking`; returns the config when there is one. */
export function checkThinking(
	params: MessageCreateParams,
	model: CatalogModel
): ThinkingConfig | undefined {
	const t = thinkingOf(params);
	if (!t) return undefined;
	if (!TYPES.includes(t.type))
		throw new HttpProblem(
			'invalid_request_error',
			`thinking.type: Input should be 'enabled', 'adaptive', 'between_tools' or 'disabled'`
		);
	const display = (t as { display?: unknown }).display;
	if (
		display !== undefined &&
		display !== null &&
		display !== 'summarized' &&
		display !== 'omitted'
	)
		throw new HttpProblem(
			'invalid_request_error',
			`thinking.${t.type}.display: Input should be 'summarized' or 'omitted'`
		);
	const supported = model.capabilities.thinking;
	if (t.type !== 'disabled' && !supported.includes(t.type))
		throw new HttpProblem(
			'invalid_request_error',
			`thinking.type: '${t.type}' is not supported by ${model.id}`
		);
	if (t.type === 'enabled') {
		if (!Number.isInteger(t.budget_tokens) || t.budget_tokens < MIN_BUDGET)
			throw new HttpProblem(
				'invalid_request_error',
				`thinking.enabled.budget_tokens: Input should be greater than or equal to ${MIN_BUDGET}`
			);
		if (params.max_tokens > 0 && t.budget_tokens >= params.max_tokens)
			throw new HttpProblem(
				'invalid_request_error',
				'`max_tokens` must be greater than `thinking.budget_tokens`.'
			);
	}
	return t;
}

const STEPS = [
	'First I should pin down what is actually being asked.',
	'The key constraint here is to stay brief and accurate.',
	'Let me consider the obvious reading before any alternatives.',
	'A concrete example would make the answer clearer.',
	'I should check whether anything in the request is ambiguous.',
	'The tools available could help, but only if the request needs live data.',
	'Ordering the points from most to least important will help.',
	'I will double-check the numbers before answering.',
	'It is worth noting any assumptions I am making.',
	'A short summary at the end would be useful.'
];
const SENTENCES: Record<Effort, [number, number]> = {
	low: [1, 2],
	medium: [2, 4],
	high: [4, 6],
	xhigh: [6, 9],
	max: [8, 12]
};

function reasoning(prompt: string, effort: Effort, rng: Rng): string {
	const topic = prompt.replace(/\s+/g, ' ').trim().slice(0, 80);
	const lines = topic
		? [`The user asks: "${topic}". `, planOf(readPrompt(prompt)) + ' ']
		: ['There is no question text. '];
	const n = intBetween(rng, ...SENTENCES[effort]);
	for (let i = 0; i < n; i++) lines.push(pick(rng, STEPS) + ' ');
	return lines.join('').trim();
}

/** Cuts text to at most `max` tokens. */
function capTokens(text: string, max: number): string {
	const pieces = tokenize(text);
	return pieces.length <= max ? text : pieces.slice(0, max).join('');
}

/** A stand-in for the API's opaque signature: stable for the same text, base64 like the real one. */
export function signatureFor(model: string, text: string): string {
	const digest = (salt: string) =>
		createHash('sha512')
			.update(salt + model + '\u0000' + text)
			.digest();
	return Buffer.concat([digest('a'), digest('b'), digest('c')]).toString('base64');
}

export interface ThinkingInputs {
	prompt: string;
	effort: Effort;
	/** Whether the answer will call tools after a tool result came back (for `between_tools`). */
	betweenTools: boolean;
	redacted: boolean;
	/** Output tokens the request allows. */
	maxTokens: number;
}

export function planThinking(
	config: ThinkingConfig | undefined,
	model: CatalogModel,
	inputs: ThinkingInputs,
	rng: Rng
): ThinkingPlan {
	const none = { blocks: [], tokens: 0 };
	if (!config || config.type === 'disabled' || inputs.maxTokens === 0) return none;
	if (config.type === 'between_tools') {
		if (!inputs.betweenTools) return none;
		const note = 'Got that result; moving on to the next step.';
		return {
			blocks: [{ type: 'thinking', thinking: note, signature: signatureFor(model.id, note) }],
			tokens: countTextTokens(note) + 2
		};
	}
	// Adaptive thinking skips reasoning where there is nothing to reason about.
	if (
		config.type === 'adaptive' &&
		/^(hi|hello|hey|thanks|thank you)\b[\s!.,]*$/i.test(inputs.prompt.trim())
	)
		return none;
	const budget = config.type === 'enabled' ? config.budget_tokens : inputs.maxTokens;
	// Leave room for the answer itself.
	const room = Math.max(1, Math.min(budget, inputs.maxTokens - 1));
	const text = capTokens(reasoning(inputs.prompt, inputs.effort, rng), room);
	const tokens = countTextTokens(text);
	if (inputs.redacted) {
		const data = Buffer.from(signatureFor(model.id, 'redacted:' + text), 'base64').toString(
			'base64'
		);
		return { blocks: [{ type: 'redacted_thinking', data }], tokens };
	}
	const shown = config.display === 'omitted' ? '' : text;
	return {
		blocks: [{ type: 'thinking', thinking: shown, signature: signatureFor(model.id, text) }],
		tokens
	};
}
