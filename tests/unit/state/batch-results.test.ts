// The results viewer's loading: the page summarises what arrives while the worker boots, then the
// worker carries on from where the page's line splitter stands. Here the worker runs in-process
// (the real results.worker module behind a stand-in Worker whose start-up the test decides), and
// the results body is a stream the test feeds.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { summarizeLine } from '$lib/batches/results';
import { BatchResultsState } from '$lib/state/batch-results.svelte';

const results = vi.hoisted(() => ({ body: null as ReadableStream<Uint8Array> | null }));
vi.mock('$lib/api', async (original) => {
	const api = await original<typeof import('$lib/api')>();
	return { ...api, batches: { ...api.batches, results: async () => new Response(results.body) } };
});

/** The worker module's scope: this thread's globals, where it set onmessage. */
const workerScope = () => globalThis as unknown as { onmessage: (e: { data: unknown }) => void };

/** A Worker running results.worker.ts in this thread once `boot()` is called; messages wait till then. */
class StandInWorker {
	static last: StandInWorker;
	onmessage: ((e: MessageEvent) => void) | null = null;
	/** The types of the messages the page sent, in order. */
	sent: string[] = [];
	#queued: { type: string }[] = [];
	#booted = false;
	constructor() {
		StandInWorker.last = this;
	}
	postMessage(m: { type: string }) {
		if (m.type !== this.sent.at(-1)) this.sent.push(m.type); // runs of one type as one
		if (this.#booted) setTimeout(() => workerScope().onmessage({ data: m }));
		else this.#queued.push(m);
	}
	async boot() {
		(globalThis as { postMessage?: unknown }).postMessage = (m: unknown) =>
			setTimeout(() => this.onmessage?.({ data: m } as MessageEvent));
		vi.resetModules();
		await import('$lib/batches/results.worker');
		this.#booted = true;
		for (const m of this.#queued.splice(0)) this.postMessage(m);
	}
	terminate() {}
}

const line = (i: number) =>
	i % 5 === 0
		? JSON.stringify({
				custom_id: `r-${i}`,
				result: {
					type: 'errored',
					error: { type: 'error', error: { type: 'overloaded_error', message: `busy ${i}` } }
				}
			})
		: i % 7 === 0
			? JSON.stringify({ custom_id: `r-${i}`, result: { type: i % 2 ? 'canceled' : 'expired' } })
			: JSON.stringify({
					custom_id: `r-${i}`,
					result: {
						type: 'succeeded',
						message: {
							id: `msg_${i}`,
							type: 'message',
							role: 'assistant',
							model: 'claude-3-5-haiku-20241022',
							content: [{ type: 'text', text: `Answer ${i}: ünï` }],
							stop_reason: 'end_turn',
							stop_sequence: null,
							usage: { input_tokens: i, output_tokens: 2 * i }
						}
					}
				});
const LINES = Array.from({ length: 60 }, (_, i) => line(i + 1));
const FILE = new TextEncoder().encode(LINES.join('\n') + '\n');
/** What the viewer should end up with: every line summarised once, with its place in the file. */
function expected() {
	let offset = 0;
	return LINES.map((text, i) => {
		const length = new TextEncoder().encode(text).length;
		const row = summarizeLine(text, i + 1, offset, length);
		offset += length + 1;
		return row;
	});
}

const turns = async (n = 20) => {
	for (let i = 0; i < n; i++) await new Promise((r) => setTimeout(r));
};

let feed: ReadableStreamDefaultController<Uint8Array>;
beforeEach(() => {
	vi.stubGlobal('Worker', StandInWorker);
	// The worker module assigns its scope's onmessage: here, a global of this thread.
	vi.stubGlobal('onmessage', null);
	results.body = new ReadableStream({ start: (c) => void (feed = c) });
});
afterEach(() => vi.unstubAllGlobals());

/** The file in 97-byte chunks (lines cut anywhere), the first `before` of them sent before boot. */
async function load(before: number) {
	const state = new BatchResultsState('msgbatch_test', LINES.length);
	state.start();
	const chunks: Uint8Array[] = [];
	for (let i = 0; i < FILE.length; i += 97) chunks.push(FILE.slice(i, i + 97));
	for (const c of chunks.slice(0, before)) feed.enqueue(c);
	await turns();
	const shownBeforeBoot = state.rows.length;
	await StandInWorker.last.boot();
	await turns();
	for (const c of chunks.slice(before)) {
		feed.enqueue(c);
		await turns(2);
	}
	feed.close();
	await turns();
	return { state, shownBeforeBoot, chunks: chunks.length };
}

describe('BatchResultsState loading', () => {
	it('shows rows summarised on the page before the worker starts, then the worker takes over', async () => {
		const { state, shownBeforeBoot } = await load(20);
		expect(shownBeforeBoot).toBeGreaterThan(0);
		expect(shownBeforeBoot).toBeLessThan(LINES.length);
		expect(StandInWorker.last.sent).toEqual(['kept', 'takeOver', 'chunk', 'end']);
		expect(state.done).toBe(true);
		expect([...state.rows]).toEqual(expected());
		expect(state.totals.counts).toEqual({
			succeeded: 41,
			errored: 12,
			canceled: 3,
			expired: 4,
			malformed: 0
		});
		// A row the page summarised and one the worker did: both read back from the worker's bytes.
		for (const at of [1, 58]) {
			await state.select(state.rows[at]);
			expect(state.detail?.raw).toBe(LINES[at]);
			expect(state.detail?.result?.custom_id).toBe(`r-${at + 1}`);
		}
	});

	it('summarises a file that arrived before the worker started all on the page, and is done at once', async () => {
		const state = new BatchResultsState('msgbatch_test', LINES.length);
		state.start();
		feed.enqueue(FILE.slice(0, 1000));
		feed.enqueue(FILE.slice(1000));
		feed.close();
		await turns();
		expect(state.done).toBe(true);
		expect([...state.rows]).toEqual(expected());
		// Opening a row waits for the worker, which keeps the bytes the page sent on.
		const detail = state.select(state.rows[59]);
		await StandInWorker.last.boot();
		await detail;
		expect(state.detail?.raw).toBe(LINES[59]);
	});

	it('lets the worker summarise everything when it is ready before the first bytes', async () => {
		const { state, shownBeforeBoot } = await load(0);
		expect(shownBeforeBoot).toBe(0);
		expect(StandInWorker.last.sent).toEqual(['takeOver', 'chunk', 'end']);
		expect([...state.rows]).toEqual(expected());
	});
});
