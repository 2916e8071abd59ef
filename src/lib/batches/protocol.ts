import type { PrepareOptions, Prepared } from './prepare';
import type { ResultRow } from './results';

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
	| { type: 'load'; batchId: string }
	| { type: 'line'; id: number; offset: number; length: number }
	| { type: 'export'; id: number; spans: [offset: number, length: number][] };
export type ResultsOut =
	| { type: 'rows'; rows: ResultRow[]; bytes: number; totalBytes: number | null }
	| { type: 'done'; bytes: number }
	| { type: 'error'; message: string }
	| { type: 'line'; id: number; text: string }
	| { type: 'export'; id: number; blob: Blob };
