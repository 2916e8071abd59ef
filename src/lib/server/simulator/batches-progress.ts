import type { MessageBatch, RequestCounts } from '$lib/schemas';

/**
 * A batch's progress is a pure function of what was stored at create/cancel time and the
 * clock: request i finishes `secondsPerRequest` after request i-1. Nothing runs in the
 * background, so a restarted simulator shows exactly the state it would have shown anyway.
 */
export interface BatchMeta {
	id: string;
	createdAtMs: number;
	count: number;
	secondsPerRequest: number;
	cancelInitiatedAtMs: number | null;
	/** The anthropic-beta flags the batch was created with; results are generated under them. */
	betas: string[];
	/** Ascending indices of requests whose params were rejected (their result is `errored`). */
	errored: number[];
}

export const BATCH_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** How long `canceling` lasts at most: the request in flight is allowed to wind down. */
const MAX_CANCEL_GRACE_MS = 5_000;

export type EndReason = 'completed' | 'canceled' | 'expired';

export interface BatchProgress {
	status: MessageBatch['processing_status'];
	/** Requests with a final succeeded/errored result, always the first `finished` in order. */
	finished: number;
	endedAtMs: number | null;
	endReason: EndReason | null;
	counts: RequestCounts;
}

function msPerRequest(meta: BatchMeta): number {
	return meta.secondsPerRequest * 1000;
}

/** How many requests have finished by time `t` if nothing stopped the batch. */
function finishedBy(meta: BatchMeta, t: number): number {
	const per = msPerRequest(meta);
	if (per === 0) return meta.count;
	return Math.max(0, Math.min(meta.count, Math.floor((t - meta.createdAtMs) / per)));
}

/** When the batch ends and why, whether or not that moment has come yet. */
export function plannedEnd(meta: BatchMeta): { atMs: number; reason: EndReason } {
	const completesAt = meta.createdAtMs + meta.count * msPerRequest(meta);
	const expiresAt = meta.createdAtMs + BATCH_LIFETIME_MS;
	const cancel = meta.cancelInitiatedAtMs;
	if (cancel !== null && cancel < completesAt && cancel < expiresAt)
		return { atMs: cancel + Math.min(msPerRequest(meta), MAX_CANCEL_GRACE_MS), reason: 'canceled' };
	if (completesAt <= expiresAt) return { atMs: completesAt, reason: 'completed' };
	return { atMs: expiresAt, reason: 'expired' };
}

/** Errored requests among the first `n` (binary search over the sorted indices). */
function erroredWithin(errored: readonly number[], n: number): number {
	let lo = 0;
	let hi = errored.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (errored[mid] < n) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

export function batchProgress(meta: BatchMeta, nowMs: number): BatchProgress {
	const end = plannedEnd(meta);
	const hasEnded = nowMs >= end.atMs;
	// Work stops at a cancel or at expiry; a completed batch has finished everything.
	const stopAt = Math.min(
		nowMs,
		meta.cancelInitiatedAtMs ?? Infinity,
		meta.createdAtMs + BATCH_LIFETIME_MS
	);
	const finished = hasEnded && end.reason === 'completed' ? meta.count : finishedBy(meta, stopAt);
	const errored = erroredWithin(meta.errored, finished);
	const unfinished = meta.count - finished;
	return {
		status: hasEnded ? 'ended' : meta.cancelInitiatedAtMs !== null ? 'canceling' : 'in_progress',
		finished,
		endedAtMs: hasEnded ? end.atMs : null,
		endReason: hasEnded ? end.reason : null,
		counts: {
			processing: hasEnded ? 0 : unfinished,
			succeeded: finished - errored,
			errored,
			canceled: hasEnded && end.reason === 'canceled' ? unfinished : 0,
			expired: hasEnded && end.reason === 'expired' ? unfinished : 0
		}
	};
}

/** The API's timestamp style: `2024-12-01T10:00:00.000000+00:00` (microseconds, explicit offset). */
export function rfc3339(ms: number): string {
	return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000+00:00');
}

/**
 * The wire object, keys in the API's order; `origin` is where this simulator was reached, so
 * results_url is absolute.
 */
export function batchObject(meta: BatchMeta, nowMs: number, origin: string): MessageBatch {
	const p = batchProgress(meta, nowMs);
	return {
		id: meta.id,
		type: 'message_batch',
		processing_status: p.status,
		request_counts: p.counts,
		ended_at: p.endedAtMs === null ? null : rfc3339(p.endedAtMs),
		created_at: rfc3339(meta.createdAtMs),
		expires_at: rfc3339(meta.createdAtMs + BATCH_LIFETIME_MS),
		archived_at: null,
		cancel_initiated_at:
			meta.cancelInitiatedAtMs === null ? null : rfc3339(meta.cancelInitiatedAtMs),
		results_url: p.status === 'ended' ? `${origin}/v1/messages/batches/${meta.id}/results` : null
	};
}
