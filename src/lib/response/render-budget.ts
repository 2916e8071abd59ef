import { afterNextFrame, nextTask } from '$lib/client/next-task';

/**
 * One time budget for the rendering work of every streamed view on the page (markdown parse
 * and sanitize of text pages, whatever else plugs in): jobs run in order in slices of this many
 * ms. The first slice runs in a task of its own right after an animation frame, not inside it:
 * the frame already holds the stream's publish, the page's update and layout, and a slice added
 * to that made tasks over 50 ms. While jobs are ready the next slice follows in a later task (a
 * frame, input and the stream reader get their turn in between), so a backlog left by a
 * 100,000-delta burst neither makes one long task nor waits a whole frame per slice. Jobs not
 * yet due (rate-limited) wait for a frame.
 */
export const FRAME_BUDGET_MS = 10;

interface Job {
	run: () => void;
	/** performance.now() before which the job must not run (rate limit for a growing chunk). */
	notBefore: number;
}

const queue = new Set<Job>();
let isScheduled = false;
/** A slice is running: a job queued by a job joins this slice (a Set iterates what is added). */
let isRunning = false;

function schedule(): void {
	if (isScheduled || isRunning) return;
	isScheduled = true;
	afterNextFrame(runSlice);
}

function runSlice(): void {
	isScheduled = false;
	isRunning = true;
	const started = performance.now();
	try {
		for (const job of queue) {
			if (job.notBefore > started) continue;
			queue.delete(job);
			job.run();
			if (performance.now() - started > FRAME_BUDGET_MS) break;
		}
	} finally {
		isRunning = false;
		continueSlices();
	}
}

/** The next slice: in the next task while a job is ready, else after the next frame. */
function continueSlices(): void {
	if (queue.size === 0 || isScheduled) return;
	isScheduled = true;
	if (hasReadyJob(performance.now())) nextTask(runSlice);
	else afterNextFrame(runSlice);
}

function hasReadyJob(now: number): boolean {
	for (const job of queue) if (job.notBefore <= now) return true;
	return false;
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
