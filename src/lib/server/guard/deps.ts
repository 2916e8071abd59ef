import { getCounter } from './counters';
import { memoryLedger, memorySlots } from './ledger';
import type { LimitDeps } from './limits';

let deps: LimitDeps | undefined;

/** Where limits keep their counts (in memory until the store provides shared ones). */
export function getLimitDeps(): LimitDeps {
	deps ??= { counter: getCounter(), ledger: memoryLedger(), slots: memorySlots() };
	return deps;
}
