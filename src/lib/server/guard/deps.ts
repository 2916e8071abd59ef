import { getStore } from '../store';
import { getCounter } from './counters';
import { writeQueue, type WriteQueue } from './durable-writes';
import { memorySlots } from './ledger';
import type { LimitDeps } from './limits';
import { storeLedger } from './store-backed';

export type GuardDeps = LimitDeps & { writes: WriteQueue };
let deps: GuardDeps | undefined;

/**
 * Where limits keep their counts: request counts and the usage ledger in the store (shared by
 * instances); open-stream slots in this process, since a slot must be freed the moment a
 * stream ends and a crashed instance must not hold slots forever.
 */
export function getLimitDeps(): GuardDeps {
	deps ??= {
		counter: getCounter(),
		ledger: storeLedger(getStore),
		slots: memorySlots(),
		writes: writeQueue(storeLedger(getStore))
	};
	return deps;
}

/** At start: replays store writes a previous process queued and had not written yet. */
export function recoverQueuedWrites(): Promise<void> {
	return getLimitDeps().writes.recover();
}
