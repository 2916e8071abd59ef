import { getConfig } from '../config';
import { getStore } from '../store';
import { getCounter } from './counters';
import { writeQueue, type WriteQueue } from './durable-writes';
import { memorySlots } from './ledger';
import type { LimitDeps } from './limits';
import { storeLedger } from './store-backed';
import { storeSlots } from './store-slots';

export type GuardDeps = LimitDeps & { writes: WriteQueue };
let deps: GuardDeps | undefined;

/**
 * Where limits keep their counts: request counts and the usage ledger in the store (shared by
 * instances). Concurrency slots: leases in PostgreSQL when instances share it (DATABASE_URL),
 * else in this process (one SQLite file means one instance, and memory is free of I/O).
 */
export function getLimitDeps(): GuardDeps {
	deps ??= {
		counter: getCounter(),
		ledger: storeLedger(getStore),
		slots: getConfig().DATABASE_URL ? storeSlots(getStore) : memorySlots(),
		writes: writeQueue(storeLedger(getStore))
	};
	return deps;
}

/** At start: replays store writes a previous process queued and had not written yet. */
export function recoverQueuedWrites(): Promise<void> {
	return getLimitDeps().writes.recover();
}
