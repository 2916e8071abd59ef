import { parse as parsePartialJson } from 'partial-json';
import {
	KNOWN_DELTA_TYPES,
	KNOWN_EVENT_TYPES,
	type ContentBlock,
	type Delta,
	type KnownContentBlock,
	type KnownDelta,
	type KnownStreamEvent,
	type Message,
	type MessageDeltaEvent,
	type StreamEvent
} from '$lib/schemas';
import { mergeUsage } from '$lib/schemas/usage';

/** A delta whose type we don't model, kept (with its block index) so nothing the API sent is lost. */
export interface UnknownDelta {
	index: number;
	delta: Delta;
}

const knownEvents: ReadonlySet<string> = new Set(KNOWN_EVENT_TYPES);
const knownDeltas: ReadonlySet<string> = new Set(KNOWN_DELTA_TYPES);
// Type guards only: the stream is trusted to match the schemas (tests/unit/schemas check the
// recorded traffic against them), so the hot path tags a value by its `type` and never parses it.
const isKnownEvent = (ev: StreamEvent): ev is KnownStreamEvent => knownEvents.has(ev.type);
const isKnownDelta = (delta: Delta): delta is KnownDelta => knownDeltas.has(delta.type);
function isBlock<T extends KnownContentBlock['type']>(
	block: ContentBlock | undefined,
	type: T
): block is Extract<KnownContentBlock, { type: T }> {
	return block?.type === type;
}

/**
 * Builds the Message from stream events the way the SDK's MessageStream does. Framework-free and
 * mutable on purpose: a 100,000-delta stream is applied here cheaply, and the UI takes a
 * `snapshot()` at most once per animation frame.
 */
export class MessageAccumulator {
	#message: Message | null = null;
	#content: ContentBlock[] = [];
	/** Raw `partial_json` text per block index; parsed lazily (re-parsing per delta is quadratic). */
	#json = new Map<number, string>();
	#staleInput = new Set<number>();
	#unknownDeltas: UnknownDelta[] = [];
	#error: { type: string; message: string } | null = null;
	#stopped = false;

	/**
	 * Applies one SSE event's data. As in the SDK, the data's own `type` decides (the event name
	 * always equals it on the wire). Returns the event when it is a known one, else undefined
	 * (not JSON, or a newer event type, which changes nothing). Known events are trusted to have
	 * their shape, except that a missing part is skipped rather than thrown on.
	 */
	apply(_name: string, data: string): KnownStreamEvent | undefined {
		let ev: StreamEvent | null;
		try {
			ev = JSON.parse(data);
		} catch {
			return undefined;
		}
		if (typeof ev !== 'object' || ev === null || !isKnownEvent(ev)) return undefined;
		switch (ev.type) {
			case 'message_start':
				if (ev.message) this.#start(ev.message);
				break;
			case 'content_block_start':
				this.#content[ev.index] = { ...ev.content_block };
				break;
			case 'content_block_delta':
				this.#delta(ev.index, ev.delta);
				break;
			case 'content_block_stop':
				this.#finishInput(ev.index);
				break;
			case 'message_delta':
				this.#messageDelta(ev);
				break;
			case 'message_stop':
				this.#stopped = true;
				break;
			case 'error':
				this.#error = { type: ev.error?.type ?? 'error', message: ev.error?.message ?? '' };
				break;
		}
		return ev;
	}

	/** Takes a whole non-streaming Message. */
	setMessage(message: Message): void {
		this.#start(message);
		this.#content = message.content.map((b) => ({ ...b }));
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
		return { ...this.#message, content, usage: { ...this.#message.usage } };
	}

	#start(message: Message) {
		this.#message = { ...message, usage: { ...message.usage } };
		this.#content = [];
		this.#json.clear();
		this.#staleInput.clear();
	}

	#delta(index: number, delta: Delta) {
		const block = this.#content[index];
		if (!block || !delta) return;
		if (!isKnownDelta(delta)) {
			this.#unknownDeltas.push({ index, delta });
			appendStrings(block, delta);
			return;
		}
		// As in the SDK, a delta changes only a block of the type it belongs to.
		switch (delta.type) {
			case 'text_delta':
				if (isBlock(block, 'text')) block.text += delta.text;
				return;
			case 'citations_delta':
				if (isBlock(block, 'text')) block.citations = [...(block.citations ?? []), delta.citation];
				return;
			case 'thinking_delta':
				if (isBlock(block, 'thinking')) block.thinking += delta.thinking;
				return;
			case 'signature_delta':
				if (isBlock(block, 'thinking')) block.signature = delta.signature;
				return;
			case 'compaction_delta':
				// Carries the block's final value (null content = a failed compaction): assigned, not appended.
				if (block.type !== 'compaction') return;
				block.content = delta.content;
				if ('encrypted_content' in delta) block.encrypted_content = delta.encrypted_content;
				return;
			case 'input_json_delta':
				this.#json.set(index, (this.#json.get(index) ?? '') + delta.partial_json);
				this.#staleInput.add(index);
				return;
		}
	}

	#finishInput(index: number) {
		const block = this.#content[index];
		if (!block || !this.#json.has(index)) return;
		block.input = parseInput(this.#json.get(index) ?? '', true);
		this.#staleInput.delete(index);
	}

	#messageDelta(ev: MessageDeltaEvent) {
		if (!this.#message) return;
		const { stop_reason, stop_sequence, ...rest } = ev.delta ?? { stop_reason: null };
		Object.assign(this.#message, rest, {
			stop_reason: stop_reason ?? null,
			stop_sequence: stop_sequence ?? null
		});
		// Fields of the event itself (not of its delta) that describe the whole message.
		for (const k of ['context_management', 'input_transformations'])
			if (ev[k] != null) this.#message[k] = ev[k];
		mergeUsage(this.#message.usage, ev.usage);
	}
}

/**
 * Unknown deltas (e.g. `compaction_delta {content}`) usually extend a string field of their block:
 * append each string field so the block still reads right; the delta itself is kept as well.
 */
function appendStrings(block: ContentBlock, delta: Delta) {
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
