import { bashInput, editorInput, memoryInput, type ScriptStep } from './client-scripts';
import {
	COMPUTER_TOOLSET_NAME,
	COMPUTER_TOOLSET_TYPE,
	computerCall,
	isMember,
	lastScreenSize,
	memberInput
} from './computer-toolset';

/**
 * Today's client tools in a tool loop: which of them a prompt is about, the next call of each
 * (its scripted step, counted from the calls already in the conversation), and a summary of
 * what the loop did for the final answer. Several tools in play are called in parallel, one
 * step each per turn, unless parallel use is off; then one tool finishes before the next starts.
 */
export type ClientKind = 'editor' | 'bash' | 'memory' | 'computer';

export interface ClientCall {
	name: string;
	input: Record<string, unknown>;
	toolset_name?: string;
}

type Message = { role: string; content?: unknown };
type Block = {
	type?: string;
	id?: string;
	name?: string;
	tool_use_id?: string;
	is_error?: boolean;
	input?: Record<string, unknown>;
};

const KIND_BY_TYPE: Record<string, ClientKind> = {
	text_editor_20250728: 'editor',
	bash_20250124: 'bash',
	memory_20250818: 'memory',
	[COMPUTER_TOOLSET_TYPE]: 'computer'
};

export function clientKind(tool: unknown): ClientKind | undefined {
	return KIND_BY_TYPE[(tool as { type?: string })?.type ?? ''];
}

/** The name a prompt would use for the tool: the toolset entry has none, its family is "computer". */
export function clientLabel(tool: unknown): string {
	return (tool as { name?: string }).name ?? COMPUTER_TOOLSET_NAME;
}

const AFFINITY: Record<ClientKind, RegExp> = {
	memory: /\b(remember|memori[sz]e|memory|memories|recall|forget|what do you know about me)\b/i,
	editor:
		/\b(files?|edit|replace|insert|create|notes?|write|draft)\b|\.(txt|md|py|js|ts|json|csv)\b/i,
	bash: /\b(shell|terminal|command|run|ls|grep|director(y|ies)|folders?|install|script|bash|git|disk)\b/i,
	computer:
		/\b(browser|screen|screenshot|click|mouse|desktop|window|website|web ?page|navigate|search for|go to)\b|https?:\/\//i
};

const blocksOf = (m: Message | undefined): Block[] =>
	m && Array.isArray(m.content) ? (m.content as Block[]) : [];

function belongs(kind: ClientKind, tool: unknown, block: Block): boolean {
	if (block.type !== 'tool_use') return false;
	return kind === 'computer' ? isMember(block.name) : block.name === clientLabel(tool);
}

/** How far the tool's script has got, and whether its latest call just failed. */
function progress(
	kind: ClientKind,
	tool: unknown,
	messages: readonly Message[]
): { step: number; lastFailed: boolean } {
	const calls = messages
		.filter((m) => m.role === 'assistant')
		.flatMap(blocksOf)
		.filter((b) => belongs(kind, tool, b));
	const latest = calls[calls.length - 1];
	const result = blocksOf(messages[messages.length - 1]).find(
		(b) => b.type === 'tool_result' && b.tool_use_id === latest?.id
	);
	return { step: calls.length, lastFailed: result?.is_error === true };
}

/** The tool's next call in this conversation, or undefined once its script is done. */
export function clientCall(
	tool: unknown,
	messages: readonly Message[],
	prompt: string
): ClientCall | undefined {
	const kind = clientKind(tool);
	if (!kind) return undefined;
	const s: ScriptStep = { ...progress(kind, tool, messages), prompt };
	const name = clientLabel(tool);
	switch (kind) {
		case 'memory':
			return wrap(name, memoryInput(s));
		case 'editor':
			return wrap(name, editorInput(s));
		case 'bash':
			return wrap(name, bashInput(s));
		case 'computer': {
			const member = computerCall(tool, { ...s, screen: lastScreenSize(messages) });
			return member && { ...member, toolset_name: COMPUTER_TOOLSET_NAME };
		}
	}
}

/** `tool_choice: {type: "tool", name: <member>}`: that member, with the script's input when it is the next step. */
export function forcedMemberCall(
	tools: readonly unknown[],
	member: string,
	messages: readonly Message[],
	prompt: string
): ClientCall | undefined {
	const toolset = tools.find((t) => clientKind(t) === 'computer');
	if (!toolset || !isMember(member)) return undefined;
	const scripted = clientCall(toolset, messages, prompt);
	const input =
		scripted?.name === member
			? scripted.input
			: memberInput(member, lastScreenSize(messages), prompt);
	return { name: member, input, toolset_name: COMPUTER_TOOLSET_NAME };
}

function wrap(name: string, input: Record<string, unknown> | undefined): ClientCall | undefined {
	return input && { name, input };
}

/** The client tools the prompt is about, plus any the conversation has already called, in `tools` order. */
export function clientToolsInPlay<T>(
	tools: readonly T[],
	messages: readonly Message[],
	prompt: string
): T[] {
	const called = messages.filter((m) => m.role === 'assistant').flatMap(blocksOf);
	return tools.filter((t) => {
		const kind = clientKind(t);
		return !!kind && (AFFINITY[kind].test(prompt) || called.some((b) => belongs(kind, t, b)));
	});
}

/** One next call per tool in play (only the first tool with steps left when `single`). */
export function nextClientCalls(
	tools: readonly unknown[],
	messages: readonly Message[],
	prompt: string,
	single: boolean
): ClientCall[] {
	const calls: ClientCall[] = [];
	for (const tool of tools) {
		const call = clientCall(tool, messages, prompt);
		if (call) calls.push(call);
		if (single && calls.length > 0) break;
	}
	return calls;
}

function describe(b: Block): string | undefined {
	const input = b.input ?? {};
	const at = (c: unknown) => (Array.isArray(c) ? ` at (${c.join(', ')})` : '');
	switch (b.name) {
		case 'memory':
			if (input.command === 'create' || input.command === 'insert')
				return `saved to memory in ${input.path}`;
			return input.command === 'delete' ? `deleted ${input.path} from memory` : undefined;
		case 'str_replace_based_edit_tool':
			if (input.command === 'create') return `created ${input.path}`;
			return input.command === 'str_replace' || input.command === 'insert'
				? `edited ${input.path}`
				: undefined;
		case 'bash':
			return typeof input.command === 'string' ? `ran \`${input.command}\`` : undefined;
		case 'screenshot':
			return 'took a screenshot';
		case 'type':
			return `typed "${input.text}"`;
		case 'key':
			return `pressed ${input.text}`;
		case 'left_click':
			return `clicked${at(input.coordinate)}`;
		default:
			return isMember(b.name) ? `used ${b.name}${at(input.coordinate)}` : undefined;
	}
}

/** What the model says before its calls: "I'll check my memory directory and create /notes.md." */
export function clientPreamble(calls: readonly ClientCall[]): string {
	const plans = calls.map(({ name, input }) => {
		const path = String(input.path ?? '');
		if (name === 'memory')
			return input.command === 'view' ? 'check my memory directory' : `save that in ${path}`;
		if (name === 'str_replace_based_edit_tool')
			return input.command === 'create'
				? `create ${path}`
				: input.command === 'view'
					? `check ${path}`
					: `edit ${path}`;
		if (name === 'bash') return input.restart ? 'restart the shell' : `run \`${input.command}\``;
		if (name === 'screenshot') return 'take a screenshot to see the screen';
		return `use ${name}`;
	});
	const list =
		plans.length > 1 ? `${plans.slice(0, -1).join(', ')} and ${plans[plans.length - 1]}` : plans[0];
	return `I'll ${list}.`;
}

/** "I created /notes.md, edited /notes.md and saved to memory in ...": what the loop did, for the answer. */
export function clientSummary(messages: readonly Message[]): string | undefined {
	const done = messages
		.filter((m) => m.role === 'assistant')
		.flatMap(blocksOf)
		.filter((b) => b.type === 'tool_use')
		.map(describe)
		.filter((d): d is string => !!d);
	const steps = done.filter((d, i) => d !== done[i - 1]);
	if (steps.length === 0) return undefined;
	const list =
		steps.length > 1 ? `${steps.slice(0, -1).join(', ')} and ${steps[steps.length - 1]}` : steps[0];
	const screen = lastScreenSize(messages);
	return (
		`I ${list}.` +
		(screen ? ` The last screenshot (${screen.width}x${screen.height}) shows the result.` : '')
	);
}
