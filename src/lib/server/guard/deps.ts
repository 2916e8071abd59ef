import { getConfig } from '../config';
import { getStore } from '../store';
import { getCounter } from './counters';
import { getDurableQueue, type DurableQueue } from './durable';
import { memorySlots } from './ledger';
import type { LimitDeps } from './limits';
import { storeLedger } from './store-backed';
import { storeSlots } from './store-slots';

export type GuardDeps = LimitDeps & { writes: DurableQueue };
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
		writes: getDurableQueue()
	};
	return deps;
}
