import type { Store } from '../store';
import type { WindowCounter } from './counter';
import type { UsageLedger } from './ledger';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Window counts in the store, so limits hold across every instance sharing it. */
export function storeCounter(store: () => Promise<Store>): WindowCounter {
	let hits = 0;
	return {
		async hit(key, windowMs, now = Date.now()) {
			const s = await store();
			const start = Math.floor(now / windowMs) * windowMs;
			// Old windows are useless; sweep them now and then rather than on every hit.
			if (++hits % 500 === 0) void s.pruneRates(now - DAY_MS).catch(() => {});
			return s.incrementRate(`${key}@${windowMs}`, start);
		}
	};
}

export function storeLedger(store: () => Promise<Store>): UsageLedger {
	return {
		async add(user, day, usage) {
			await (await store()).addUsage(user, day, { inputTokens: usage.input, outputTokens: usage.output });
		},
		async usedOn(user, day) {
			const u = await (await store()).getUsage(user, day);
			return u.inputTokens + u.outputTokens;
		}
	};
}
