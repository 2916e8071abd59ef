/**
 * The edits the form makes to its model, as small pure functions on a RequestForm (mutating in
 * place; RequestState calls them through its intent-named methods and owns the JSON draft).
 */
import type { CacheControl, ContentBlock } from '$lib/schemas';
import { blockToForm, emptyText, type BlockForm, type ParamsForm, type RequestForm } from './form';
import { setOutputSchema } from './options';

type Json = Record<string, unknown>;

/** Where a cache breakpoint toggle sits. */
export type CacheTarget =
	| { kind: 'system'; index: number }
	| { kind: 'tool'; index: number }
	| { kind: 'block'; message: number; index: number };

/** Moves `list[from]` to `to` in place (message and block reordering). */
export function move<T>(list: T[], from: number, to: number): void {
	if (to < 0 || to >= list.length || from === to) return;
	const [item] = list.splice(from, 1);
	list.splice(to, 0, item);
}

/** A fresh block of each kind the form can add. */
export function newBlock(kind: 'text' | 'tool_use' | 'tool_result'): BlockForm {
	if (kind === 'tool_use')
		return { kind, id: 'toolu_01', name: 'get_weather', input: {}, cache: null, extra: {} };
	if (kind === 'tool_result')
		return { kind, toolUseId: 'toolu_01', content: '', isError: undefined, cache: null, extra: {} };
	return emptyText();
}

/** Types a system block; emptying the only plain block removes the field. */
export function setSystemText(f: RequestForm, index: number, text: string): void {
	f.system ??= { blocks: [emptyText()], asString: true };
	f.system.blocks[index].text = text;
	const [only] = f.system.blocks;
	if (f.system.blocks.length === 1 && text === '' && !only.cache && f.system.asString)
		f.system = null;
}

export function addSystemBlock(f: RequestForm): void {
	f.system ??= { blocks: [emptyText()], asString: false };
	f.system.blocks.push(emptyText());
	f.system.asString = false;
}

export function removeSystemBlock(f: RequestForm, index: number): void {
	f.system?.blocks.splice(index, 1);
	if (f.system?.blocks.length === 0) f.system = null;
}

/** Clears the conversation to one empty user turn; the system prompt and tools stay when asked to. */
export function newConversation(f: RequestForm, keepSystemAndTools: boolean): void {
	f.messages = [{ role: 'user', blocks: [emptyText()], asString: true, extra: {} }];
	if (!keepSystemAndTools) {
		f.system = null;
		f.tools = undefined;
	}
}

/** A new empty turn; turns alternate, so its role is the opposite of the last one. */
export function addMessage(f: RequestForm): void {
	const role = f.messages.at(-1)?.role === 'user' ? 'assistant' : 'user';
	f.messages.push({ role, blocks: [emptyText()], asString: true, extra: {} });
}

export function addBlock(f: RequestForm, message: number, block: BlockForm): void {
	const m = f.messages[message];
	m.blocks.push(block);
	m.asString = false;
}

/** Merges `patch` into a block of the same kind (the kind of a block never changes). */
export function patchBlock(
	f: RequestForm,
	message: number,
	index: number,
	patch: Partial<BlockForm>
): void {
	const blocks = f.messages[message]?.blocks;
	if (blocks?.[index]) blocks[index] = { ...blocks[index], ...patch } as BlockForm;
}

export function setUserId(params: ParamsForm, userId: string): void {
	const { user_id: _old, ...rest } = params.metadata ?? {};
	const next = userId === '' ? rest : { ...rest, user_id: userId };
	params.metadata = Object.keys(next).length ? next : undefined;
}

export function addTool(f: RequestForm, def: Json): void {
	f.tools = [...(f.tools ?? []), { def, cache: null }];
}

export function removeTool(f: RequestForm, index: number): void {
	f.tools?.splice(index, 1);
	if (f.tools?.length === 0) f.tools = undefined;
}

/** Merges `patch` into a tool definition (`replace` swaps the whole definition). */
export function patchTool(f: RequestForm, index: number, patch: Json, replace = false): void {
	const tool = f.tools?.[index];
	if (tool) tool.def = replace ? patch : { ...tool.def, ...patch };
}

export function setCache(f: RequestForm, target: CacheTarget, cache: CacheControl | null): void {
	if (target.kind === 'system') {
		f.system ??= { blocks: [emptyText()], asString: true };
		f.system.blocks[target.index].cache = cache;
	}
	if (target.kind === 'tool' && f.tools) f.tools[target.index].cache = cache;
	if (target.kind === 'block') {
		const block = f.messages[target.message].blocks[target.index];
		if (block.kind !== 'raw') block.cache = cache;
	}
}

/** A reply block as the request must carry it back: response-only null fields dropped. */
function replyBlock(block: ContentBlock): BlockForm {
	const { citations, ...rest } = block as Json;
	return blockToForm(citations == null ? rest : block);
}

/** Multi-turn: the assistant's reply joins the conversation, followed by an empty user turn. */
export function appendReply(f: RequestForm, content: ContentBlock[]): void {
	f.messages.push({
		role: 'assistant',
		blocks: content.map(replyBlock),
		asString: false,
		extra: {}
	});
	f.messages.push({ role: 'user', blocks: [emptyText()], asString: true, extra: {} });
}

/** An output-format example: its schema, and its prompt when the conversation is still empty. */
export function useOutputExample(f: RequestForm, example: { schema: Json; prompt: string }): void {
	setOutputSchema(f, structuredClone(example.schema));
	const first = f.messages[0]?.blocks[0];
	if (f.messages.length <= 1 && (!first || (first.kind === 'text' && first.text.trim() === ''))) {
		f.messages = [{ role: 'user', blocks: [emptyText(example.prompt)], asString: true, extra: {} }];
	}
}
