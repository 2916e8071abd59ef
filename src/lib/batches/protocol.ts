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

/** Messages between the results viewer and results.worker.ts. */
export type ResultsIn =
	/** The worker fetches the results itself (where a response body cannot be transferred). */
	| { type: 'load'; batchId: string }
	/** The page fetched them (the request starts while the worker boots) and hands over the body. */
	| { type: 'stream'; body: ReadableStream<Uint8Array>; totalBytes: number | null }
	| { type: 'line'; id: number; offset: number; length: number }
	| { type: 'export'; id: number; spans: [offset: number, length: number][] };
export type ResultsOut =
	| { type: 'rows'; rows: PackedRows; bytes: number; totalBytes: number | null }
	| { type: 'done'; bytes: number }
	| { type: 'error'; message: string }
	| { type: 'line'; id: number; text: string }
	| { type: 'export'; id: number; blob: Blob };
