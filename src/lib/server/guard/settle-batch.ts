import type { UsageLedger } from './ledger';
import { sumUsage, type Usage } from '$lib/schemas/usage';

interface Waiting {
	user: string;
	day: string;
	reserved: number;
	usage: Usage;
	waiters: { resolve: () => void; reject: (e: unknown) => void }[];
}

/** How long a settlement may wait for others to share its write. */
export const SETTLE_WINDOW_MS = 20;

/**
 * Write-behind for settlements, the one store write every answer makes: settlements of the same
 * user and day that arrive within a short window are summed into one write (one transaction,
 * one fsync, instead of one per answer, each blocking the event loop in SQLite).
 *
 * Nothing acknowledged is lost: a `settle` resolves only once its write committed, and rejects
 * if it failed (its caller, budget.ts, then keeps it in the durable retry queue). Reading a
 * user's day (usage, holds, a new reservation) first writes what waits for it, so every read
 * sees every settlement made before it; until then the hold stays in place, so the budget is
 * never overspent, only briefly held for a few milliseconds longer.
 */
export function batchedSettles(inner: UsageLedger, windowMs = SETTLE_WINDOW_MS): UsageLedger {
	const waiting = new Map<string, Waiting>();
	const writing = new Map<string, Promise<void>>();
	let timer: ReturnType<typeof setTimeout> | undefined;

	const keyOf = (user: string, day: string) => `${day}\n${user}`;

	async function write(key: string): Promise<void> {
		await writing.get(key);
		const entry = waiting.get(key);
		// Another caller took it: its write is the one to wait for.
		if (!entry) return writing.get(key);
		waiting.delete(key);
		const done = inner
			.settle(entry.user, entry.day, entry.reserved, entry.usage)
			.then(
				() => entry.waiters.forEach((w) => w.resolve()),
				(e) => entry.waiters.forEach((w) => w.reject(e))
			)
			.finally(() => {
				if (writing.get(key) === done) writing.delete(key);
			});
		writing.set(key, done);
		await done;
	}

	async function flush(): Promise<void> {
		clearTimeout(timer);
		timer = undefined;
		await Promise.all([...waiting.keys()].map(write));
		await Promise.all(writing.values());
	}

	/** What waits for this user's day is written before anything about that day is read. */
	const settled = async (user: string, day: string) => {
		const key = keyOf(user, day);
		if (waiting.has(key)) await write(key);
		else await writing.get(key);
	};

	return {
		settle(user: string, day: string, reserved: number, usage: Usage) {
			return new Promise<void>((resolve, reject) => {
				const key = keyOf(user, day);
				const entry = waiting.get(key) ?? {
					user,
					day,
					reserved: 0,
					usage: sumUsage([]),
					waiters: []
				};
				entry.reserved += reserved;
				entry.usage = sumUsage([entry.usage, usage]);
				entry.waiters.push({ resolve, reject });
				waiting.set(key, entry);
				// A waiting write must not keep a stopping process alive; shutdown calls flush.
				timer ??= setTimeout(() => void flush(), windowMs);
				timer.unref?.();
			});
		},
		add: (user, day, usage) => inner.add(user, day, usage),
		async usedOn(user, day) {
			await settled(user, day).catch(() => {});
			return inner.usedOn(user, day);
		},
		async heldOn(user, day) {
			await settled(user, day).catch(() => {});
			return inner.heldOn(user, day);
		},
		async reserve(user, day, tokens, budget) {
			await settled(user, day).catch(() => {});
			return inner.reserve(user, day, tokens, budget);
		},
		flush
	};
}
