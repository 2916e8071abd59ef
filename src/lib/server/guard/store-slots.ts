import { randomUUID } from 'node:crypto';
import type { Store } from '../store';
import { log } from '../log';
import type { StreamSlots } from './ledger';

/** A lease lives this long past its last heartbeat: how long a crashed instance's slots stay taken. */
export const LEASE_MS = 30_000;
const HEARTBEAT_MS = LEASE_MS / 3;

export interface StoreSlotsOptions {
	/** This process, as the leases' holder. */
	holder?: string;
	now?: () => number;
	/** Off in tests that drive renewals themselves. */
	heartbeat?: boolean;
}

/**
 * Concurrency slots held in the store, so the limits hold across every instance sharing it
 * (DATABASE_URL). Each slot is a lease renewed by this process's heartbeat while the request
 * runs and deleted when it ends or is aborted; a crashed instance stops renewing, and its
 * leases are reclaimed once expired. The caller's `leaseMs` (the upstream timeout) is not
 * used: the heartbeat keeps long streams alive, and a short lease frees a dead holder's slots.
 */
export function storeSlots(
	store: () => Promise<Store>,
	options: StoreSlotsOptions = {}
): StreamSlots & { renew(): Promise<number> } {
	const holder = options.holder ?? `${process.pid}-${randomUUID()}`;
	const now = options.now ?? Date.now;
	let held = 0;
	let timer: ReturnType<typeof setInterval> | undefined;

	const renew = async () => (await store()).leases.renew(holder, now() + LEASE_MS);
	const beat = () =>
		renew().catch((e) => log.warn('slot lease renewal failed', { error: String(e) }));
	const startBeating = () => {
		if (options.heartbeat === false || timer) return;
		timer = setInterval(beat, HEARTBEAT_MS);
		timer.unref?.();
	};
	const stopBeating = () => {
		if (held > 0 || !timer) return;
		clearInterval(timer);
		timer = undefined;
	};

	return {
		renew,
		async acquire(key, limit) {
			const id = randomUUID();
			const t = now();
			const taken = await (
				await store()
			).leases.acquire(key, limit, { id, holder, expiresAt: t + LEASE_MS }, t);
			if (!taken) return null;
			held++;
			startBeating();
			let released = false;
			return async () => {
				if (released) return;
				released = true;
				held--;
				stopBeating();
				await (await store()).leases.release(id);
			};
		}
	};
}
