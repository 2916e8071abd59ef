import { getConfig } from '../config';
import { getStore } from '../store';
import { getCounter } from './counters';
import { writeQueue, type WriteQueue } from './durable-writes';
import { memorySlots } from './ledger';
import { batchedSettles } from './settle-batch';
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
	if (deps) return deps;
	// Settlements are written behind, a few at once (settle-batch.ts); reads see them all. The
	// retry queue writes through the same ledger, so a retried settlement is batched and seen too.
	const ledger = batchedSettles(storeLedger(getStore));
	deps = {
		counter: getCounter(),
		ledger,
		slots: getConfig().DATABASE_URL ? storeSlots(getStore) : memorySlots(),
		writes: writeQueue(ledger)
	};
	return deps;
}

/** At start: replays store writes a previous process queued and had not written yet. */
export function recoverQueuedWrites(): Promise<void> {
	return getLimitDeps().writes.recover();
}
