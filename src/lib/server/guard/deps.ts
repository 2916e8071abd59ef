import { getStore } from '../store';
import { getCounter } from './counters';
import { memorySlots } from './ledger';
import type { LimitDeps } from './limits';
import { storeLedger } from './store-backed';

let deps: LimitDeps | undefined;

/**
 * Where limits keep their counts: request counts and the usage ledger in the store (shared by
 * instances); open-stream slots in this process, since a slot must be freed the moment a
 * stream ends and a crashed instance must not hold slots forever.
 */
export function getLimitDeps(): LimitDeps {
	deps ??= { counter: getCounter(), ledger: storeLedger(getStore), slots: memorySlots() };
	return deps;
}
