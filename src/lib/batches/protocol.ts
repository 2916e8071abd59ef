import type { SplitterState } from './lines';
import type { PrepareOptions, Prepared } from './prepare';
import type { PackedRows } from './packed';

/** Messages between the create page and prepare.worker.ts. */
export type PrepareIn = {
	file: Blob;
	fileName: string;
	template: unknown;
	options: PrepareOptions;
};
export type PrepareOut =
	| { type: 'progress'; phase: 'reading' | 'parsing' | 'checking'; done: number; total: number }
	| { type: 'done'; prepared: Prepared; columns: string[] }
	| { type: 'error'; message: string };

/**
 * Messages between the results viewer and results.worker.ts. The page reads the results body and
 * sends every chunk on (transferred, not copied): the worker keeps all the bytes. Until the worker
 * is `ready` the page summarises the chunks itself (`kept`); then it hands over where its line
 * splitter stands (`takeOver`) and the worker summarises the rest (`chunk`).
 */
export type ResultsIn =
	/** Bytes the page has summarised: kept for reading lines again, not summarised twice. */
	| { type: 'kept'; bytes: Uint8Array }
	| { type: 'takeOver'; from: SplitterState }
	| { type: 'chunk'; bytes: Uint8Array }
	| { type: 'end' }
	| { type: 'line'; id: number; offset: number; length: number }
	| { type: 'export'; id: number; spans: [offset: number, length: number][] };
export type ResultsOut =
	/** The worker has started and takes over summarising from the next chunk on. */
	| { type: 'ready' }
	| { type: 'rows'; rows: PackedRows }
	| { type: 'done'; bytes: number }
	| { type: 'error'; message: string }
	| { type: 'line'; id: number; text: string }
	| { type: 'export'; id: number; blob: Blob };
