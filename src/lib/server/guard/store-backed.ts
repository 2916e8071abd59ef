import type { Store } from '../store';
import type { WindowCounter } from './counter';
import type { UsageLedger } from './ledger';
import { log } from '../log';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Window counts in the store, so limits hold across every instance sharing it. */
export function storeCounter(store: () => Promise<Store>): WindowCounter {
	let hits = 0;
	return {
		async hit(key, windowMs, now = Date.now()) {
			const s = await store();
			const start = Math.floor(now / windowMs) * windowMs;
			// Old windows are useless; sweep them now and then rather than on every hit.
			if (++hits % 500 === 0)
				s.pruneRates(now - DAY_MS).catch((e) =>
					log.warn('rate counter prune failed', { error: String(e) })
				);
			return s.incrementRate(`${key}@${windowMs}`, start);
		},
		async count(key, windowMs, now = Date.now()) {
			return (await store()).getRate(`${key}@${windowMs}`, Math.floor(now / windowMs) * windowMs);
		}
	};
}

export function storeLedger(store: () => Promise<Store>): UsageLedger {
	return {
		async add(user, day, usage) {
			await (await store()).addUsage(user, day, usage);
		},
		async usedOn(user, day) {
			const u = await (await store()).getUsage(user, day);
			return u.inputTokens + u.outputTokens;
		},
		async heldOn(user, day) {
			return (await (await store()).getUsage(user, day)).reservedTokens;
		},
		async reserve(user, day, tokens, budget) {
			return (await store()).reserveUsage(user, day, tokens, budget);
		},
		async settle(user, day, reserved, usage) {
			await (await store()).settleUsage(user, day, reserved, usage);
		}
	};
}
