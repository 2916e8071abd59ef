/// <reference lib="webworker" />
// Summarises a batch's JSONL results as the page sends the bytes on: splits and summarises lines,
// posts compact rows in bursts, and keeps the raw bytes so a full result can be read again.
import { ByteStore, LineSplitter } from './lines';
import { packRows } from './packed';
import type { ResultsIn, ResultsOut } from './protocol';
import { summarizeLine, type ResultRow } from './results';

/** How often rows are posted: the first ones at once, then at most every 100 ms. */
const FLUSH_MS = 100;

const post = (m: ResultsOut, transfer: Transferable[] = []) => postMessage(m, transfer);
const store = new ByteStore();
let pending: ResultRow[] = [];
let lastFlush = 0;
/** Null until the page hands over the splitting (takeOver). */
let splitter: LineSplitter | null = null;

function flush() {
	if (!pending.length) return;
	const rows = packRows(pending);
	post({ type: 'rows', rows }, [rows.numbers.buffer]);
	pending = [];
	lastFlush = performance.now();
}

const summarize = (text: string, line: number, offset: number, length: number) =>
	pending.push(summarizeLine(text, line, offset, length));

onmessage = (e: MessageEvent<ResultsIn>) => {
	const m = e.data;
	if (m.type === 'kept') store.append(m.bytes);
	else if (m.type === 'takeOver') splitter = new LineSplitter(summarize, m.from);
	else if (m.type === 'chunk') {
		store.append(m.bytes);
		splitter?.push(m.bytes);
		if (lastFlush === 0 || performance.now() - lastFlush >= FLUSH_MS) flush();
	} else if (m.type === 'end') {
		splitter?.end();
		flush();
		post({ type: 'done', bytes: store.size });
	} else if (m.type === 'line')
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

post({ type: 'ready' });
