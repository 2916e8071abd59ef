import type { Usage } from '$lib/schemas/usage';

/** Tokens used per user per UTC day, for the daily budget. The store implements it across instances. */
export interface UsageLedger {
	add(user: string, day: string, usage: Usage): Promise<void>;
	usedOn(user: string, day: string): Promise<number>;
	/** Tokens held by requests still in flight (their worst case), on top of `usedOn`. */
	heldOn(user: string, day: string): Promise<number>;
	/** Atomically holds `tokens` unless that would pass `budget`; false means refused. */
	reserve(user: string, day: string, tokens: number, budget: number | null): Promise<boolean>;
	/** Releases a hold of `reserved` and records the real usage, atomically. */
	settle(user: string, day: string, reserved: number, usage: Usage): Promise<void>;
	/** Writes whatever is waiting to be written (a write-behind ledger: settle-batch.ts). */
	flush?(): Promise<void>;
}

/** Concurrent streams per user. Each slot has a lease so a crashed instance's slots expire. */
export interface StreamSlots {
	acquire(user: string, limit: number, leaseMs: number): Promise<(() => Promise<void>) | null>;
}

export function utcDay(now = Date.now()): string {
	return new Date(now).toISOString().slice(0, 10);
}

export function memorySlots(): StreamSlots {
	const active = new Map<string, Map<number, number>>();
	let next = 0;
	return {
		async acquire(user, limit, leaseMs) {
			const now = Date.now();
			const mine = active.get(user) ?? new Map<number, number>();
			for (const [id, expires] of mine) if (expires <= now) mine.delete(id);
			if (mine.size >= limit) return null;
			const id = next++;
			mine.set(id, now + leaseMs);
			active.set(user, mine);
			return async () => {
				mine.delete(id);
			};
		}
	};
}
