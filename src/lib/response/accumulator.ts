import { parse as parsePartialJson } from 'partial-json';
import type { Message } from '$lib/schemas';
import { mergeUsage } from '$lib/schemas/usage';

type Obj = Record<string, unknown>;

/** A delta whose type we don't model, kept (with its block index) so nothing the API sent is lost. */
export interface UnknownDelta {
	index: number;
	delta: Obj;
}

/**
 * Builds the Message from stream events the way the SDK's MessageStream does. Framework-free and
 * mutable on purpose: a 100,000-delta stream is applied here cheaply, and the UI takes a
 * `snapshot()` at most once per animation frame.
 */
export class MessageAccumulator {
	#message: Obj | null = null;
	#content: Obj[] = [];
	/** Raw `partial_json` text per block index; parsed lazily (re-parsing per delta is quadratic). */
	#json = new Map<number, string>();
	#staleInput = new Set<number>();
	#unknownDeltas: UnknownDelta[] = [];
	#error: { type: string; message: string } | null = null;
	#stopped = false;

	/** Applies one SSE event by its `event:` name (as the SDK dispatches). Returns the parsed data, or undefined if not JSON. */
	apply(name: string, data: string): Obj | undefined {
		let ev: Obj;
		try {
			ev = JSON.parse(data) as Obj;
		} catch {
			return undefined;
		}
		if (typeof ev !== 'object' || ev === null) return undefined;
		switch (name) {
			case 'message_start':
				this.#start(ev.message as Obj);
				break;
			case 'content_block_start':
				this.#content[ev.index as number] = { ...(ev.content_block as Obj) };
				break;
			case 'content_block_delta':
				this.#delta(ev.index as number, (ev.delta ?? {}) as Obj);
				break;
			case 'content_block_stop':
				this.#finishInput(ev.index as number);
				break;
			case 'message_delta':
				this.#messageDelta(ev);
				break;
			case 'message_stop':
				this.#stopped = true;
				break;
			case 'error': {
				const err = (ev.error ?? {}) as Obj;
				this.#error = { type: String(err.type ?? 'error'), message: String(err.message ?? '') };
				break;
			}
		}
		return ev;
	}

	/** Takes a whole non-streaming Message. */
	setMessage(message: Message): void {
		this.#start(message as Obj);
		this.#content = (message.content as Obj[]).map((b) => ({ ...b }));
		this.#stopped = true;
	}

	get error() {
		return this.#error;
	}
	get isComplete() {
		return this.#stopped;
	}
	get unknownDeltas(): readonly UnknownDelta[] {
		return this.#unknownDeltas;
	}

	/** A fresh Message object (blocks copied) for reactive state; tool inputs are best-effort while streaming. */
	snapshot(): Message | null {
		if (!this.#message) return null;
		for (const index of this.#staleInput) {
			const block = this.#content[index];
			if (block) block.input = parseInput(this.#json.get(index) ?? '', false);
		}
		this.#staleInput.clear();
		const content = this.#content.filter(Boolean).map((b) => ({ ...b }));
		return { ...this.#message, content, usage: { ...(this.#message.usage as Obj) } } as Message;
	}

	#start(message: Obj) {
		this.#message = { ...message, usage: { ...((message.usage ?? {}) as Obj) } };
		this.#content = [];
		this.#json.clear();
		this.#staleInput.clear();
	}

	#delta(index: number, delta: Obj) {
		const block = this.#content[index];
		if (!block) return;
		switch (delta.type) {
			case 'text_delta':
				block.text = String(block.text ?? '') + String(delta.text ?? '');
				return;
			case 'thinking_delta':
				block.thinking = String(block.thinking ?? '') + String(delta.thinking ?? '');
				return;
			case 'signature_delta':
				block.signature = delta.signature;
				return;
			case 'citations_delta':
				block.citations = [...((block.citations as unknown[] | null) ?? []), delta.citation];
				return;
			case 'compaction_delta':
				// Carries the block's final value (null content = a failed compaction): assigned, not appended.
				block.content = delta.content ?? null;
				if ('encrypted_content' in delta) block.encrypted_content = delta.encrypted_content;
				return;
			case 'input_json_delta':
				this.#json.set(index, (this.#json.get(index) ?? '') + String(delta.partial_json ?? ''));
				this.#staleInput.add(index);
				return;
			default:
				this.#unknownDeltas.push({ index, delta });
				appendStrings(block, delta);
		}
	}

	#finishInput(index: number) {
		const block = this.#content[index];
		if (!block || !this.#json.has(index)) return;
		block.input = parseInput(this.#json.get(index) ?? '', true);
		this.#staleInput.delete(index);
	}

	#messageDelta(ev: Obj) {
		if (!this.#message) return;
		const { stop_reason, stop_sequence, ...rest } = (ev.delta ?? {}) as Obj;
		Object.assign(this.#message, rest, {
			stop_reason: stop_reason ?? null,
			stop_sequence: stop_sequence ?? null
		});
		// Fields of the event itself (not of its delta) that describe the whole message.
		for (const k of ['context_management', 'input_transformations'])
			if (ev[k] != null) this.#message[k] = ev[k];
		mergeUsage(this.#message.usage as Obj, ev.usage as Obj | undefined);
	}
}

/**
 * Unknown deltas (e.g. `compaction_delta {content}`) usually extend a string field of their block:
 * append each string field so the block still reads right; the delta itself is kept as well.
 */
function appendStrings(block: Obj, delta: Obj) {
	for (const [k, v] of Object.entries(delta)) {
		if (k === 'type' || typeof v !== 'string') continue;
		const cur = block[k];
		if (cur === null || cur === undefined || typeof cur === 'string') block[k] = (cur ?? '') + v;
	}
}

/** Tool input from its JSON text: empty means `{}`; while streaming, a best-effort partial object. */
function parseInput(json: string, final: boolean): unknown {
	if (json.trim() === '') return {};
	try {
		return JSON.parse(json);
	} catch {
		try {
			return parsePartialJson(json);
		} catch {
			return final ? { _unparsed: json } : {};
		}
	}
}
