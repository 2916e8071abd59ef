import type { Config } from '../config';
import type { ApiErrorType } from '../http';
import { enforceRequestPolicy } from '../guard/policy';
import type { BatchSummary, RequestCheck } from './scanner';

/** What the upload's reader and its checking worker say to each other. */
export const CHECK_WORKER_ROLE = 'batch-upload-check';

export interface CheckWorkerData {
	role: typeof CHECK_WORKER_ROLE;
	/** Where the worker writes the body as it checks it (0600, removed once forwarded). */
	spoolFile: string;
	maxRequestBytes: number;
}

export type ToWorker = { type: 'chunk'; bytes: Uint8Array<ArrayBuffer> } | { type: 'end' };

export type FromWorker =
	/** These bytes are checked and written; their buffer comes back for the next chunk. */
	| { type: 'ack'; bytes: Uint8Array<ArrayBuffer> }
	| { type: 'done'; summary: BatchSummary }
	| { type: 'problem'; errorType: ApiErrorType; message: string; status: number };

/** The team's policy (allowed models, max_tokens cap) on every request of a batch. */
export function batchPolicy(config: Config): RequestCheck {
	return (params, index) => enforceRequestPolicy(params, config, `requests.${index}.params`);
}
