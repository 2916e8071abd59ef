/**
 * One frame budget for the rendering work of every streamed view on the page (markdown parse
 * and sanitize of text chunks, and whatever else plugs in): jobs run in animation frames, in
 * the order they were queued, until this frame's share of time is spent; the rest wait for
 * the next frame. A 100,000-delta burst then costs a few ms per frame instead of one long task.
 */
export const FRAME_BUDGET_MS = 10;

interface Job {
	run: () => void;
	/** performance.now() before which the job must not run (rate limit for a growing chunk). */
	notBefore: number;
}

const queue = new Set<Job>();
let isScheduled = false;

function nextFrame(fn: () => void): void {
	if (typeof requestAnimationFrame === 'function') requestAnimationFrame(fn);
	else setTimeout(fn, 16);
}

function schedule(): void {
	if (isScheduled) return;
	isScheduled = true;
	nextFrame(runFrame);
}

function runFrame(): void {
	isScheduled = false;
	const started = performance.now();
	for (const job of queue) {
		if (job.notBefore > started) continue;
		queue.delete(job);
		job.run();
		if (performance.now() - started > FRAME_BUDGET_MS) break;
	}
	if (queue.size > 0) schedule();
}

/** Queues `run` for a coming frame; returns a cancel function (for when its input changed). */
export function renderSoon(run: () => void, notBefore = 0): () => void {
	const job: Job = { run, notBefore };
	queue.add(job);
	schedule();
	return () => queue.delete(job);
}

/** Jobs still waiting (for tests and the bench's "all rendered" check). */
export function pendingRenders(): number {
	return queue.size;
}
