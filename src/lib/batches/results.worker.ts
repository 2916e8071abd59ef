/// <reference lib="webworker" />
// Streams a batch's JSONL results: splits and summarises lines as bytes arrive, posts compact
// rows in small bursts, and keeps the raw bytes so a full result can be read again on demand.
import { batches, toUserMessage } from '$lib/api';
import { ByteStore, LineSplitter } from './lines';
import { packRows } from './packed';
import type { ResultsIn, ResultsOut } from './protocol';
import { summarizeLine, type ResultRow } from './results';

/** How often rows are posted: the first ones at once, then at most every 100 ms. */
const FLUSH_MS = 100;

const post = (m: ResultsOut, transfer: Transferable[] = []) => postMessage(m, transfer);
const store = new ByteStore();

async function fetchAndLoad(batchId: string): Promise<void> {
	const res = await batches.results(batchId);
	if (!res.body) return post({ type: 'error', message: 'results: the response has no body' });
	await load(res.body, Number(res.headers.get('content-length')) || null);
}

async function load(body: ReadableStream<Uint8Array>, totalBytes: number | null): Promise<void> {
	let pending: ResultRow[] = [];
	let lastFlush = 0;
	const flush = () => {
		if (!pending.length) return;
		const rows = packRows(pending);
		post({ type: 'rows', rows, bytes: store.size, totalBytes }, [rows.numbers.buffer]);
		pending = [];
		lastFlush = performance.now();
	};
	const splitter = new LineSplitter((text, line, offset, length) =>
		pending.push(summarizeLine(text, line, offset, length))
	);
	const reader = body.getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		store.append(value);
		splitter.push(value);
		if (lastFlush === 0 || performance.now() - lastFlush >= FLUSH_MS) flush();
	}
	splitter.end();
	flush();
	post({ type: 'done', bytes: store.size });
}

onmessage = (e: MessageEvent<ResultsIn>) => {
	const m = e.data;
	const fail = (err: unknown) => post({ type: 'error', message: toUserMessage(err) });
	if (m.type === 'load') fetchAndLoad(m.batchId).catch(fail);
	else if (m.type === 'stream') load(m.body, m.totalBytes).catch(fail);
	else if (m.type === 'line')
		post({ type: 'line', id: m.id, text: store.text(m.offset, m.length) });
	else if (m.type === 'export') {
		const parts = m.spans.flatMap(([offset, length]) => [
			store.slice(offset, length),
			new Uint8Array([10])
		]);
		post({
			type: 'export',
			id: m.id,
			blob: new Blob(parts as BlobPart[], { type: 'application/x-jsonl' })
		});
	}
};
