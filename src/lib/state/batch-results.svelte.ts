import { batches, toUserMessage } from '$lib/api';
import { rowsToCsv } from '$lib/batches/export';
import type { ResultsIn, ResultsOut } from '$lib/batches/protocol';
import { LineSplitter } from '$lib/batches/lines';
import { packRows, unpackRows } from '$lib/batches/packed';
import {
	parseResultLine,
	summarizeLine,
	type ResultRow,
	type ResultType
} from '$lib/batches/results';
import { TotalsAccumulator, type ResultTotals } from '$lib/batches/totals';
import { keepsRows, viewRows, type SortKey } from '$lib/batches/view';
import type { BatchResultLine } from '$lib/schemas';
import { appendOnlyView } from './run-buffer';

/** While the page summarises, rows are shown at most this often (each showing re-renders the table). */
const SHOW_MS = 100;

export type Detail = { row: ResultRow; result: BatchResultLine | null; raw: string };

/**
 * A batch's results, streamed and summarised by a worker. Only compact rows live here; the
 * worker keeps the raw bytes and hands back a full line when a row is opened or exported.
 * Rows are appended to a plain array and published by bumping `#version` (one change per burst).
 */
export class BatchResultsState {
	type = $state<ResultType | 'all'>('all');
	query = $state('');
	sort = $state<SortKey>('line');
	descending = $state(false);
	#all: ResultRow[] = [];
	/** The worker has started: it summarises the chunks from then on. */
	#workerReady = false;
	#version = $state(0);
	#bytes = $state(0);
	#done = $state(false);
	#error = $state<string | null>(null);
	#detail = $state.raw<Detail | null>(null);
	#accumulator = new TotalsAccumulator();
	#totals = $state.raw<ResultTotals>(this.#accumulator.snapshot());
	#worker: Worker | null = null;
	#abort = new AbortController();
	#nextId = 1;
	#waiting = new Map<number, (m: ResultsOut) => void>();

	/** Every row so far (re-read when the version changes): a view of the growing array, no copy. */
	readonly rows = $derived.by(() => (this.#version, appendOnlyView(this.#all)));
	readonly view = $derived.by(() => {
		const rows = this.rows;
		const o = { type: this.type, query: this.query, sort: this.sort, descending: this.descending };
		// Filtering reads every row: from a plain copy (100k pointers, well under a millisecond)
		// that is about 10x faster than through the append-only view's proxy.
		return keepsRows(o) ? rows : viewRows(this.#all.slice(0, rows.length), o);
	});

	constructor(
		readonly batchId: string,
		readonly expected: number
	) {}

	get totals() {
		return this.#totals;
	}
	get bytes() {
		return this.#bytes;
	}
	get done() {
		return this.#done;
	}
	get error() {
		return this.#error;
	}
	get detail() {
		return this.#detail;
	}
	/** 0..1, from rows loaded against the batch's request count. */
	get progress(): number {
		return this.#done ? 1 : this.expected ? Math.min(1, this.#all.length / this.expected) : 0;
	}

	start(): void {
		const worker = new Worker(new URL('../batches/results.worker.ts', import.meta.url), {
			type: 'module'
		});
		this.#worker = worker;
		worker.onmessage = (e: MessageEvent<ResultsOut>) => this.#receive(e.data);
		void this.#read(worker).catch((err) => {
			if (this.#worker === worker) this.#receive({ type: 'error', message: toUserMessage(err) });
		});
	}

	/**
	 * The request starts at once, while the worker boots, and the page summarises what arrives
	 * until the worker is ready (it takes 300-500 ms to start, longer than the first megabytes
	 * take to arrive); then the worker takes over from where the page stands. Every chunk goes on
	 * to the worker either way (transferred, not copied), which keeps the bytes.
	 */
	async #read(worker: Worker): Promise<void> {
		const res = await batches.results(this.batchId, { signal: this.#abort.signal });
		if (!res.body || this.#worker !== worker) return void res.body?.cancel();
		const reader = res.body.getReader();
		let rows: ResultRow[] = [];
		let shown = 0;
		const show = (always: boolean) => {
			if (!rows.length || (!always && shown && performance.now() - shown < SHOW_MS)) return;
			// Through the worker's packing too, so that every row has the same hidden class: rows
			// of two kinds made the first filter over them 3-10x slower (V8 migrated each object).
			this.#append(unpackRows(packRows(rows)));
			rows = [];
			shown = performance.now();
		};
		const here = new LineSplitter((...line) => rows.push(summarizeLine(...line)));
		let handedOver = false;
		for (;;) {
			const { done, value } = await reader.read();
			if (this.#worker !== worker) return;
			if (done) break;
			this.#bytes += value.length;
			if (!handedOver && this.#workerReady) {
				show(true);
				worker.postMessage({ type: 'takeOver', from: here.state() } satisfies ResultsIn);
				handedOver = true;
			}
			if (handedOver) {
				worker.postMessage({ type: 'chunk', bytes: value } satisfies ResultsIn, [value.buffer]);
				continue;
			}
			here.push(value);
			worker.postMessage({ type: 'kept', bytes: value } satisfies ResultsIn, [value.buffer]);
			show(false);
		}
		worker.postMessage({ type: 'end' } satisfies ResultsIn);
		if (handedOver) return;
		// All of it was summarised here: the worker only keeps the bytes, for opening a row.
		here.end();
		show(true);
		this.#done = true;
	}

	/** Rows appended and published: one change for the table per burst. */
	#append(rows: readonly ResultRow[]): void {
		for (const r of rows) this.#all.push(r);
		this.#totals = this.#accumulator.add(rows).snapshot();
		this.#version++;
	}

	#send(m: ResultsIn): void {
		this.#worker?.postMessage(m);
	}

	#receive(m: ResultsOut): void {
		if (m.type === 'ready') this.#workerReady = true;
		else if (m.type === 'rows') this.#append(unpackRows(m.rows));
		else if (m.type === 'done') {
			this.#bytes = m.bytes;
			this.#done = true;
		} else if (m.type === 'error') {
			this.#error = m.message;
			this.#done = true;
		} else {
			this.#waiting.get(m.id)?.(m);
			this.#waiting.delete(m.id);
		}
	}

	#ask(make: (id: number) => ResultsIn): Promise<ResultsOut> {
		const id = this.#nextId++;
		return new Promise((resolve) => {
			this.#waiting.set(id, resolve);
			this.#send(make(id));
		});
	}

	async select(row: ResultRow | null): Promise<void> {
		if (!row) return void (this.#detail = null);
		const m = await this.#ask((id) => ({
			type: 'line',
			id,
			offset: row.offset,
			length: row.length
		}));
		const raw = m.type === 'line' ? m.text : '';
		this.#detail = { row, raw, result: parseResultLine(raw) };
	}

	/** The rows on screen (filter and sort applied) as a file. */
	async exportBlob(format: 'csv' | 'jsonl'): Promise<Blob> {
		const rows = this.view;
		if (format === 'csv') return new Blob([rowsToCsv(rows)], { type: 'text/csv' });
		const m = await this.#ask((id) => ({
			type: 'export',
			id,
			spans: rows.map((r) => [r.offset, r.length])
		}));
		return m.type === 'export' ? m.blob : new Blob([]);
	}

	dispose(): void {
		this.#abort.abort();
		this.#worker?.terminate();
		this.#worker = null;
	}
}
