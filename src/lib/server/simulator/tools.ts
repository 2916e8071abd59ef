import type { MessageCreateParams, MessageParam, ToolCall, ToolChoice } from '$lib/schemas';
import { betaToolInput, betaToolType } from './beta-tools';
import {
	clientCall,
	clientKind,
	clientLabel,
	clientPreamble,
	clientSummary,
	clientToolsInPlay,
	forcedMemberCall,
	nextClientCalls
} from './client-tools';
import { sampleJson } from './json-sample';
import { hintFor, promptHints, type PromptHints } from './prompt-hints';
import { pick, type Rng } from './random';

/**
 * What a tool-bearing request gets, decided per `tool_choice` as the API does: `auto` may
 * say something and call tools, `any`/`tool` call without a preamble (the API prefills the
 * turn), `none` and no tools answer in text. A `tool_result` in the last turn is answered
 * in text that quotes it — or, in a computer-use loop, with the next action.
 */
export type PlannedCall = Omit<ToolCall, 'id'> & {
	/** Set on a member call of a toolset (computer_toolset_20260801 → "computer"). */
	toolset_name?: string;
};
export interface ToolPlan {
	text?: string;
	calls: PlannedCall[];
}

type AnyTool = NonNullable<MessageCreateParams['tools']>[number];
/** A tool the simulator can call; every such tool has a string name. */
type Tool = AnyTool & { name: string };
type Block = {
	type?: string;
	id?: string;
	name?: string;
	tool_use_id?: string;
	content?: unknown;
	is_error?: boolean;
	text?: string;
};
const blocksOf = (m: MessageParam | undefined): Block[] =>
	m && Array.isArray(m.content) ? (m.content as Block[]) : [];

/**
 * Tools the simulator can call: custom ones, today's client tools (text editor, bash, memory,
 * the computer toolset) and the three 2024 beta tools. Server tools are answered elsewhere.
 */
function callable(tool: AnyTool): tool is Tool {
	const t = tool as { type?: string | null; input_schema?: unknown };
	if (betaToolType(tool) !== undefined || clientKind(tool) !== undefined) return true;
	return !!t.input_schema && (t.type === undefined || t.type === null || t.type === 'custom');
}

/** Returns undefined when the answer is plain generated text (no tools in play). */
export function planTools(params: MessageCreateParams, rng: Rng): ToolPlan | undefined {
	const last = params.messages[params.messages.length - 1];
	// A trailing assistant turn is a prefill: the answer continues its text.
	if (last.role === 'assistant') return undefined;
	const results = blocksOf(last).filter((b) => b.type === 'tool_result');
	const tools = (params.tools ?? []).filter(callable);
	const choice: ToolChoice = params.tool_choice ?? { type: 'auto' };
	if (tools.length === 0 || choice.type === 'none')
		return results.length
			? { text: answerResults(results, params.messages), calls: [] }
			: undefined;
	const forced = choice.type === 'any' || choice.type === 'tool';
	const prompt = promptText(params.messages);
	const noParallel = choice.disable_parallel_tool_use === true;
	if (results.length > 0) {
		const next = nextBetaCall(results, params.messages, tools, prompt, rng);
		if (next)
			return { text: forced ? undefined : `Next, I'll use ${next.name} again.`, calls: [next] };
		const client = nextClientCalls(
			clientToolsInPlay(tools, params.messages, prompt),
			params.messages,
			prompt,
			noParallel
		);
		if (client.length > 0)
			return { text: forced ? undefined : clientPreamble(client), calls: client };
		if (!forced) return { text: finalAnswer(results, params.messages), calls: [] };
	}
	// Under `auto` a bare greeting gets a greeting back, not a tool call.
	if (
		choice.type === 'auto' &&
		/^(hi|hello|hey|thanks|thank you)\b[\s!.,]*$/i.test(textOf(last).trim())
	)
		return undefined;
	const inPlay =
		choice.type === 'tool' ? [] : clientToolsInPlay(tools, params.messages, textOf(last));
	if (inPlay.length > 0) {
		const calls = nextClientCalls(inPlay, params.messages, prompt, noParallel);
		if (calls.length > 0)
			return { text: forced || rng() < 0.25 ? undefined : clientPreamble(calls), calls };
	}
	const member =
		choice.type === 'tool'
			? forcedMemberCall(tools, choice.name, params.messages, prompt)
			: undefined;
	if (member) return { calls: [member] };
	const chosen =
		choice.type === 'tool'
			? tools.filter((t) => t.name === choice.name)
			: chooseTools(tools, textOf(last), rng);
	const single = noParallel || chosen.some((t) => betaToolType(t) || clientKind(t));
	const calls = callsFor(chosen, single, textOf(last), prompt, rng, params.messages);
	const text = forced || rng() < 0.25 ? undefined : preamble(calls);
	return { text, calls };
}

const BETA_AFFINITY: Record<string, RegExp> = {
	computer_20241022: /\b(browser|screen|screenshot|click|mouse|desktop|window|website|web page)\b/i,
	bash_20241022: /\b(shell|terminal|command|run|files?|directory|ls|grep)\b/i,
	text_editor_20241022: /\b(edit|replace|insert|create a file)\b/i
};

/** The tools a prompt points at: named ones first; otherwise one (or two, if there are several) seeded picks. */
function chooseTools(tools: Tool[], prompt: string, rng: Rng): Tool[] {
	const lower = prompt.toLowerCase();
	const named = tools.filter((t) => {
		const name = clientLabel(t).toLowerCase();
		return lower.includes(name) || lower.includes(name.replace(/[_-]/g, ' '));
	});
	if (named.length > 0) return named.slice(0, 4);
	// What the prompt is about picks the beta tool: a browser or screen → computer, a shell → bash.
	const fitting = tools.find((t) => BETA_AFFINITY[betaToolType(t) ?? '']?.test(prompt));
	if (fitting) return [fitting];
	const first = pick(rng, tools);
	const custom = tools.filter((t) => t !== first && !betaToolType(t) && !clientKind(t));
	return custom.length > 0 && !betaToolType(first) && !clientKind(first)
		? [first, pick(rng, custom)]
		: [first];
}

/** "Paris and London", "each city", "both": the prompt asks for more than one call. */
function impliesSeveral(prompt: string): boolean {
	return /\b(and|both|each|every|all|several)\b|,/i.test(prompt);
}

/** Whether a tool takes a place (a `city`, `location`... property): one call per place named. */
function takesPlace(tool: Tool): boolean {
	const props =
		(tool as { input_schema?: { properties?: Record<string, unknown> } }).input_schema
			?.properties ?? {};
	return Object.keys(props).some((k) => hintFor({ places: ['x'], topic: '' }, k, 0) === 'x');
}

/** How many calls each chosen tool gets: one per place for a place tool; two when the prompt asks for several. */
function expand(chosen: Tool[], single: boolean, lastText: string, hints: PromptHints): Tool[] {
	if (single) return chosen.slice(0, 1);
	if (chosen.length !== 1) return chosen;
	const [tool] = chosen;
	if (takesPlace(tool) && hints.places.length > 1) return hints.places.slice(0, 4).map(() => tool);
	return impliesSeveral(lastText) && !(takesPlace(tool) && hints.places.length === 1)
		? [tool, tool]
		: chosen;
}

function callsFor(
	chosen: Tool[],
	single: boolean,
	lastText: string,
	prompt: string,
	rng: Rng,
	messages: MessageParam[]
): PlannedCall[] {
	const hints = promptHints(lastText);
	const seen = new Map<string, number>();
	return expand(chosen, single, lastText, hints).flatMap((tool): PlannedCall[] => {
		if (clientKind(tool)) {
			const call = clientCall(tool, messages, prompt);
			return call ? [call] : [];
		}
		const call = seen.get(tool.name) ?? 0;
		seen.set(tool.name, call + 1);
		const beta = betaToolType(tool);
		const input = beta
			? (betaToolInput(tool, beta, { step: 0, lastFailed: false, prompt, rng }) ?? {})
			: (sampleJson((tool as { input_schema: unknown }).input_schema, rng, (p) =>
					hintFor(hints, p, call)
				) as Record<string, unknown>);
		return [{ name: tool.name, input }];
	});
}

/** In a computer-use loop, the action after the one whose result just came back. */
function nextBetaCall(
	results: Block[],
	messages: MessageParam[],
	tools: Tool[],
	prompt: string,
	rng: Rng
): PlannedCall | undefined {
	const previous = blocksOf(messages[messages.length - 2]);
	const answered = previous.find((b) => b.type === 'tool_use' && b.id === results[0].tool_use_id);
	const tool = tools.find((t) => t.name === answered?.name);
	const beta = tool && betaToolType(tool);
	if (!tool || !beta) return undefined;
	const step = messages
		.filter((m) => m.role === 'assistant')
		.flatMap(blocksOf)
		.filter((b) => b.type === 'tool_use' && b.name === tool.name).length;
	const input = betaToolInput(tool, beta, {
		step,
		lastFailed: results[0].is_error === true,
		prompt,
		rng
	});
	return input && { name: tool.name, input };
}

function preamble(calls: PlannedCall[]): string {
	const names = [...new Set(calls.map((c) => c.name))];
	const list =
		names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0];
	return calls.length > 1
		? `I'll call ${list} ${calls.length} times in parallel to answer that.`
		: `I'll use the ${list} tool for this.`;
}

function quote(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > 160 ? flat.slice(0, 157) + '...' : flat;
}

function resultText(b: Block): string {
	if (typeof b.content === 'string') return b.content;
	if (!Array.isArray(b.content)) return '';
	return (b.content as Block[])
		.map((x) => (x.type === 'text' ? x.text : x.type === 'image' ? '[image]' : ''))
		.join(' ');
}

/** The answer after a tool loop: what today's client tools did, then what the last results said. */
function finalAnswer(results: Block[], messages: MessageParam[]): string {
	const summary = clientSummary(messages);
	const answer = answerResults(results, messages);
	return summary ? `${summary}\n\n${answer}` : answer;
}

/** A text answer that uses what the tools returned, and says so when a tool failed. */
export function answerResults(results: Block[], messages: MessageParam[]): string {
	const uses = messages.flatMap(blocksOf).filter((b) => b.type === 'tool_use');
	const lines = results.map((r) => {
		const name = uses.find((u) => u.id === r.tool_use_id)?.name ?? 'tool';
		const said = quote(resultText(r));
		return r.is_error
			? `The ${name} tool reported an error (is_error: true): "${said || 'no details'}". I could not complete that step.`
			: `The ${name} tool returned: "${said || '(empty)'}".`;
	});
	const failed = results.some((r) => r.is_error);
	lines.push(
		failed
			? 'You may want to check the input and try again.'
			: `Based on ${results.length > 1 ? 'these results' : 'that result'}, that answers your request.`
	);
	return lines.join('\n\n');
}

export function textOf(m: MessageParam): string {
	if (typeof m.content === 'string') return m.content;
	return (m.content as Block[])
		.map((b) => (b.type === 'text' ? b.text : b.type === 'tool_result' ? resultText(b) : ''))
		.join(' ');
}

/** The first user text of the conversation; stable across a tool loop. */
function promptText(messages: MessageParam[]): string {
	const first = messages.find((m) => m.role === 'user');
	return first ? textOf(first) : '';
}
