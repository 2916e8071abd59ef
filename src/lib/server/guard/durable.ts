import { log } from '../log';

/**
 * Writes that must not be lost but must never fail the answer they belong to (usage after a
 * message was answered, a batch's settlement): tried now, and when the store fails, kept in
 * memory and retried with growing waits until it takes them. Nothing here ever throws.
 */
export interface DurableQueue {
	/** Runs `write` now; on failure keeps it for later. Resolves either way. */
	run(what: string, fields: Record<string, unknown>, write: () => Promise<void>): Promise<void>;
	/** Writes still waiting (for the budget: their tokens count as held). */
	pending(): readonly PendingWrite[];
	/** Tries every waiting write once now (tests, and shutdown). */
	flush(): Promise<void>;
}

export interface PendingWrite {
	what: string;
	fields: Record<string, unknown>;
	write: () => Promise<void>;
	attempts: number;
}

const MAX_DELAY_MS = 30_000;
/** Past this, the oldest waiting writes are dropped (loudly) rather than growing without end. */
const MAX_PENDING = 10_000;

export function durableQueue(firstDelayMs = 250): DurableQueue {
	const waiting: PendingWrite[] = [];
	let timer: ReturnType<typeof setTimeout> | undefined;
	let delay = firstDelayMs;

	const schedule = () => {
		if (timer || waiting.length === 0) return;
		timer = setTimeout(() => {
			timer = undefined;
			void flush();
		}, delay);
		// A waiting write must not keep a stopping process alive.
		timer.unref?.();
		delay = Math.min(delay * 2, MAX_DELAY_MS);
	};

	async function flush() {
		const batch = waiting.splice(0);
		for (const item of batch) {
			try {
				await item.write();
				log.info('store write recovered', {
					what: item.what,
					attempts: item.attempts + 1,
					...item.fields
				});
			} catch {
				item.attempts += 1;
				waiting.push(item);
			}
		}
		if (waiting.length === 0) delay = firstDelayMs;
		schedule();
	}

	return {
		async run(what, fields, write) {
			try {
				await write();
			} catch (e) {
				log.error('store write failed; queued for retry', { what, error: String(e), ...fields });
				waiting.push({ what, fields, write, attempts: 1 });
				if (waiting.length > MAX_PENDING) {
					const dropped = waiting.shift()!;
					log.error('store write dropped: retry queue full', {
						what: dropped.what,
						...dropped.fields
					});
				}
				schedule();
			}
		},
		pending: () => waiting,
		flush
	};
}

let shared: DurableQueue | undefined;
export function getDurableQueue(): DurableQueue {
	shared ??= durableQueue();
	return shared;
}
