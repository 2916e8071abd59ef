import { ApiError, messages, type ApiErrorInfo } from '$lib/api';
import { headerInfo } from '$lib/api/error';
import type { RawSseEvent } from '$lib/client/sse';
import type { Message, Usage } from '$lib/schemas';
import type { UnknownDelta } from '$lib/response/accumulator';
import type { Timings } from '$lib/response/timings';
import { RunBuffer, appendOnlyView, type LoggedEvent } from './run-buffer';

export interface RunError extends ApiErrorInfo {
	/** The error came as an `error` event (or a break) after the stream had started with HTTP 200. */
	midStream?: boolean;
}

type Status = 'idle' | 'streaming' | 'done' | 'error' | 'stopped';

const NO_TIMINGS: Timings = {
	ttfb: null,
	ttft: null,
	total: null,
	outputTokens: 0,
	isEstimate: true,
	tokensPerSecond: null,
	points: []
};

/** Streamed data reaches the page at most this often (about 20 updates a second). */
const MIN_PUBLISH_INTERVAL_MS = 50;
/**
 * ...and at most once per this many times the last update's cost (publish, the page's update,
 * layout and paint): when a fast stream makes each frame expensive, reading keeps most of the time.
 */
const PUBLISH_COST_RATIO = 4;

/** The SSE reader loads with the first stream, not with the first page. */
const loadSseReader = () => import('$lib/client/sse');
/** The reader yields to rendering and input after this long (a buffered body parses at once). */
const READ_BUDGET_MS = 20;

/** Calls back at most once per animation frame (a timer where there is no rAF, e.g. in node). */
function nextFrame(fn: () => void): void {
	if (typeof requestAnimationFrame === 'function') requestAnimationFrame(fn);
	else setTimeout(fn, 16);
}

/**
 * One request sent through /api/v1/messages, streamed or not: the accumulated Message, the raw
 * events and bytes, timings and how it ended. Incoming data goes to a plain RunBuffer and is
 * published to reactive state at most once per animation frame.
 */
export class RunState {
	#status = $state<Status>('idle');
	#message = $state.raw<Message | null>(null);
	#events = $state.raw<readonly LoggedEvent[]>([]);
	#counts = $state.raw<Record<string, number>>({});
	#unknownDeltas = $state.raw<readonly UnknownDelta[]>([]);
	#timings = $state.raw<Timings>(NO_TIMINGS);
	#byteCount = $state(0);
	#isStream = $state(true);
	#error = $state.raw<RunError | null>(null);
	#buffer = new RunBuffer();
	#abort: AbortController | null = null;
	#flushPending = false;
	#publishedAt = 0;
	/** What the last publish's frame cost (ms), measured from its rAF to the task after it. */
	#publishCost = 0;
	#flushTimer: ReturnType<typeof setTimeout> | undefined;
	#last = $state.raw<{ body: Record<string, unknown>; headers: Record<string, string> } | null>(
		null
	);

	#text = $derived.by(() =>
		(this.#message?.content ?? [])
			.map((b) => (b.type === 'text' && typeof b.text === 'string' ? b.text : ''))
			.join('')
	);

	get status() {
		return this.#status;
	}
	get isRunning() {
		return this.#status === 'streaming';
	}
	/** True once a run ended (any way) and has something to show or save. */
	get isFinished() {
		return this.#status === 'done' || this.#status === 'error' || this.#status === 'stopped';
	}
	get isStream() {
		return this.#isStream;
	}
	get message() {
		return this.#message;
	}
	get blocks() {
		return this.#message?.content ?? [];
	}
	/** All text blocks joined. */
	get text() {
		return this.#text;
	}
	/** The body of the request this run sent (structured output checks the answer against it). */
	get requestBody(): Record<string, unknown> | null {
		return this.#last?.body ?? null;
	}
	get usage(): Usage | null {
		return this.#message?.usage ?? null;
	}
	get stopReason() {
		return this.#message?.stop_reason ?? null;
	}
	get stopSequence() {
		return this.#message?.stop_sequence ?? null;
	}
	get events() {
		return this.#events;
	}
	/** Events received per SSE event name. */
	get eventCounts() {
		return this.#counts;
	}
	get unknownDeltas() {
		return this.#unknownDeltas;
	}
	get timings() {
		return this.#timings;
	}
	get byteCount() {
		return this.#byteCount;
	}
	get error() {
		return this.#error;
	}

	/** The response body exactly as received: for a stream, a .sse file that replays byte for byte. */
	rawBody(): Blob {
		return new Blob(this.#buffer.chunks as BlobPart[], {
			type: this.#isStream ? 'text/event-stream' : 'application/json'
		});
	}

	get canRetry() {
		return this.#last !== null && !this.isRunning;
	}

	/** Sends the last request again, with the same headers. */
	retry(): Promise<void> {
		return this.#last ? this.send(this.#last.body, this.#last.headers) : Promise.resolve();
	}

	async send(body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<void> {
		this.stop();
		this.#last = { body, headers };
		const abort = new AbortController();
		const buf = new RunBuffer();
		const stream = body.stream !== false;
		this.#abort = abort;
		this.#buffer = buf;
		this.#isStream = stream;
		this.#error = null;
		this.#status = 'streaming';
		this.#publish();
		const current = () => this.#buffer === buf;
		const startedAt = performance.now();
		let res: Response | undefined;
		try {
			const options = { headers, signal: abort.signal };
			// Loads while the request is under way.
			const sseReader = stream ? loadSseReader() : undefined;
			// So is the markdown renderer the answer's text needs: loading it (~40 ms of script
			// evaluation) when the first text block mounts would land in the middle of the stream.
			void import('$lib/response/markdown').catch(() => undefined);
			// Awaited below; a failed request must not leave its rejection unhandled.
			sseReader?.catch(() => undefined);
			res = await (stream ? messages.stream(body, options) : messages.createRaw(body, options));
			buf.timings.markHeaders(performance.now() - startedAt);
			if (!res.body) throw new Error('The response has no body.');
			const onBytes = (chunk: Uint8Array) => buf.addBytes(chunk);
			if (sseReader) {
				const { readSse } = await sseReader;
				const handlers = {
					onBytes,
					onEvent: (e: RawSseEvent) => {
						buf.addEvent(e);
						if (current()) this.#scheduleFlush();
					}
				};
				await readSse(res.body, startedAt, handlers, {
					budgetMs: READ_BUDGET_MS,
					signal: abort.signal
				});
			} else {
				await readJson(res.body, onBytes, buf);
			}
			buf.timings.markEnd(performance.now() - startedAt);
			if (current()) this.#end(...outcome(buf, res));
		} catch (e) {
			buf.timings.markEnd(performance.now() - startedAt);
			if (!current()) return;
			if (abort.signal.aborted) this.#end('stopped', null);
			else if (e instanceof ApiError) this.#end('error', e.toInfo());
			else
				this.#end('error', {
					...headerInfo(res?.headers),
					type: 'network_error',
					message: (e as Error).message,
					midStream: res !== undefined
				});
		}
	}

	/** Aborts the request; the server sees the disconnect and aborts its upstream call too. */
	stop(): void {
		this.#abort?.abort();
		this.#abort = null;
	}

	#end(status: Status, error: RunError | null) {
		clearTimeout(this.#flushTimer);
		this.#flushPending = false;
		this.#abort = null;
		this.#error = error;
		this.#status = status;
		this.#publish();
	}

	#scheduleFlush() {
		if (this.#flushPending) return;
		this.#flushPending = true;
		// Each publish costs a page update (layout, paint, the log's observers) however little
		// changed: a stream that arrives faster than the eye reads is published a few times a
		// second, in animation frames, and the reader keeps the rest of the time.
		const interval = Math.max(MIN_PUBLISH_INTERVAL_MS, PUBLISH_COST_RATIO * this.#publishCost);
		const wait = Math.max(0, this.#publishedAt + interval - performance.now());
		const buf = this.#buffer;
		const publish = () =>
			nextFrame(() => {
				this.#flushPending = false;
				// A run that ended (or was replaced) meanwhile has published already.
				if (this.#buffer !== buf || !this.isRunning) return;
				const started = performance.now();
				this.#publish();
				// A timer set in a frame callback runs after that frame's layout and paint.
				setTimeout(() => (this.#publishCost = performance.now() - started), 0);
			});
		if (wait > 0) this.#flushTimer = setTimeout(publish, wait);
		else publish();
	}

	/** Copies the current buffer into reactive state (new references, so dependants update). */
	#publish() {
		this.#publishedAt = performance.now();
		const buf = this.#buffer;
		this.#message = buf.accumulator.snapshot();
		// A view, not a copy: the event list only grows, and copying 100,000 rows a frame adds up.
		this.#events = appendOnlyView(buf.events);
		this.#counts = { ...buf.counts };
		this.#unknownDeltas = buf.accumulator.unknownDeltas.slice();
		this.#timings = buf.timings.snapshot(buf.reportedOutputTokens);
		this.#byteCount = buf.byteCount;
	}
}

/** How a body that was read to the end turned out: complete, an `error` event, or cut short. */
function outcome(buf: RunBuffer, res: Response): [Status, RunError | null] {
	const acc = buf.accumulator;
	const info = { ...headerInfo(res.headers), status: res.status, midStream: true };
	if (acc.error) return ['error', { ...info, ...acc.error }];
	if (!acc.isComplete)
		return [
			'error',
			{ ...info, type: 'incomplete_stream', message: 'The stream ended before message_stop.' }
		];
	return ['done', null];
}

/** Reads a non-streaming JSON body, keeping its bytes, and hands the Message to the accumulator. */
async function readJson(
	body: ReadableStream<Uint8Array>,
	onBytes: (c: Uint8Array) => void,
	buf: RunBuffer
) {
	const decoder = new TextDecoder();
	let text = '';
	const reader = body.getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		onBytes(value);
		text += decoder.decode(value, { stream: true });
	}
	text += decoder.decode();
	const message = JSON.parse(text) as Message;
	buf.accumulator.setMessage(message);
	buf.reportedOutputTokens = message.usage?.output_tokens ?? null;
}
