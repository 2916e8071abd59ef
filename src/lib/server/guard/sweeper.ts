import { log } from '../log';
import { sweepBatchHolds } from './batch-budget';
import { getLimitDeps } from './deps';

const EVERY_MS = 60_000;
let timer: ReturnType<typeof setInterval> | undefined;

/** Now and then, settles the budget holds of batches that ended while nobody was looking. */
export function startBatchSweeper(): void {
	if (timer) return;
	let running = false;
	timer = setInterval(() => {
		if (running) return;
		running = true;
		sweepBatchHolds(getLimitDeps())
			.catch((e) => log.warn('batch hold sweep failed', { error: String(e) }))
			.finally(() => (running = false));
	}, EVERY_MS);
	timer.unref();
}
