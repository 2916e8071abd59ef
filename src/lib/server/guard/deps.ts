import { getStore } from '../store';
import { getCounter } from './counters';
import { getDurableQueue, type DurableQueue } from './durable';
import { memorySlots } from './ledger';
import { batchedSettles } from './settle-batch';
import type { LimitDeps } from './limits';
import { storeLedger } from './store-backed';

export type GuardDeps = LimitDeps & { writes: DurableQueue };
let deps: GuardDeps | undefined;

/**
 * Where limits keep their counts: request counts and the usage ledger in the store (shared by
 * instances); open-stream slots in this process, since a slot must be freed the moment a
 * stream ends and a crashed instance must not hold slots forever.
 */
export function getLimitDeps(): GuardDeps {
	deps ??= {
		counter: getCounter(),
		// Settlements are written behind, a few at once (settle-batch.ts); reads see them all.
		ledger: batchedSettles(storeLedger(getStore)),
		slots: memorySlots(),
		writes: getDurableQueue()
	};
	return deps;
}
