import type { RawSseEvent } from '$lib/client/sse';
import { MessageAccumulator } from '$lib/response/accumulator';
import { TimingTracker } from '$lib/response/timings';
import type { Delta } from '$lib/schemas';

/** An event as received, numbered in arrival order (a stable key when the log is filtered). */
export interface LoggedEvent extends RawSseEvent {
	seq: number;
}

/**
 * Everything one run receives, in plain (non-reactive) structures: a 100,000-event stream is
 * appended here at wire speed and RunState copies it into reactive state once per frame.
 */
export class RunBuffer {
	readonly accumulator = new MessageAccumulator();
	readonly timings = new TimingTracker();
	readonly events: LoggedEvent[] = [];
	readonly counts: Record<string, number> = {};
	readonly chunks: Uint8Array[] = [];
	byteCount = 0;
	/** usage.output_tokens once the API reported it (message_delta or a whole Message). */
	reportedOutputTokens: number | null = null;

	addBytes(chunk: Uint8Array): void {
		this.chunks.push(chunk);
		this.byteCount += chunk.byteLength;
	}

	addEvent(e: RawSseEvent): void {
		// Numbered in place: a copy per event is 100,000 allocations on a long stream.
		const logged = e as LoggedEvent;
		logged.seq = this.events.length;
		this.events.push(logged);
		this.counts[e.event] = (this.counts[e.event] ?? 0) + 1;
		const data = this.accumulator.apply(e.event, e.data);
		if (data?.type === 'content_block_delta') this.timings.markDelta(e.at, deltaChars(data.delta));
		if (data?.type === 'message_delta') {
			const out = data.usage?.output_tokens;
			if (typeof out === 'number') this.reportedOutputTokens = out;
		}
	}
}

/** Characters a delta adds, for the token-rate estimate before the API reports real counts. */
function deltaChars(delta: Delta): number {
	// The common deltas without Object.entries (an array per delta on the hot path).
	if (delta.type === 'text_delta' && typeof delta.text === 'string') return delta.text.length;
	if (delta.type === 'thinking_delta' && typeof delta.thinking === 'string')
		return delta.thinking.length;
	let n = 0;
	for (const [k, v] of Object.entries(delta))
		if (k !== 'type' && k !== 'signature' && typeof v === 'string') n += v.length;
	return n;
}

/**
 * The first `items.length` entries of an append-only array, as a read-only array that is a new
 * object (so reactive consumers see a change) without copying: publishing a 100,000-event log
 * each frame costs O(1). Entries appended later stay invisible through this view.
 */
export function appendOnlyView<T>(items: T[]): readonly T[] {
	const length = items.length;
	// Index keys arrive as strings; anything else (methods, 'length', symbols) is passed through.
	const isHiddenIndex = (key: string | symbol) => {
		if (typeof key !== 'string') return false;
		const c = key.charCodeAt(0);
		return c >= 48 && c <= 57 && Number(key) >= length;
	};
	return new Proxy(items, {
		get: (target, key, receiver) =>
			key === 'length'
				? length
				: isHiddenIndex(key)
					? undefined
					: Reflect.get(target, key, receiver),
		has: (target, key) => !isHiddenIndex(key) && Reflect.has(target, key),
		ownKeys: (target) => Reflect.ownKeys(target).filter((k) => !isHiddenIndex(k)),
		getOwnPropertyDescriptor: (target, key) => {
			if (key === 'length')
				return { ...Reflect.getOwnPropertyDescriptor(target, key)!, value: length };
			return isHiddenIndex(key) ? undefined : Reflect.getOwnPropertyDescriptor(target, key);
		},
		set: () => false,
		deleteProperty: () => false,
		defineProperty: () => false
	}) as readonly T[];
}
