import { randomUUID } from 'node:crypto';
import { log } from '../log';
import type { Journal } from './journal';

/**
 * Writes that must not be lost but must never fail the answer they belong to (usage after a
 * message was answered, a batch's settlement): tried now, and when the store fails, journaled
 * to disk (so a restart, even after kill -9, replays them) and retried with growing waits until
 * the store takes them. Each write is plain data, so it can be replayed by a new process.
 * Nothing here ever throws.
 */
export interface DurableQueue<T> {
	/** Runs `write` now; on failure journals it and keeps it for later. Resolves either way. */
	run(write: T): Promise<void>;
	/** Writes still waiting. */
	pending(): readonly PendingWrite<T>[];
	/** Tries every waiting write once now (tests, and shutdown). */
	flush(): Promise<void>;
	/** At start: takes back what the journal held when the last process stopped, and tries it. */
	recover(): Promise<void>;
}

export interface PendingWrite<T> {
	id: string;
	write: T;
	attempts: number;
}

export interface QueueOptions<T> {
	perform(write: T): Promise<void>;
	/** What to log about a write (never its secrets: there are none in these). */
	describe(write: T): Record<string, unknown>;
	journal?: Journal<T>;
	firstDelayMs?: number;
}

const MAX_DELAY_MS = 30_000;
/** Past this, the oldest waiting writes are dropped (loudly) rather than growing without end. */
const MAX_PENDING = 10_000;

export function durableQueue<T>(opts: QueueOptions<T>): DurableQueue<T> {
	const { perform, describe, journal } = opts;
	const firstDelayMs = opts.firstDelayMs ?? 250;
	const waiting: PendingWrite<T>[] = [];
	let timer: ReturnType<typeof setTimeout> | undefined;
	let delay = firstDelayMs;
	let flushing: Promise<void> | undefined;

	const journalStep = (what: string, step: () => Promise<void>) =>
		step().catch((e) => log.error(`retry journal: could not ${what}`, { error: String(e) }));

	const schedule = () => {
		if (timer || waiting.length === 0) return;
		timer = setTimeout(() => {
			timer = undefined;
			void flush();
		}, delay);
		// A waiting write must not keep a stopping process alive (the journal keeps it).
		timer.unref?.();
		delay = Math.min(delay * 2, MAX_DELAY_MS);
	};

	async function flushOnce() {
		const batch = waiting.splice(0);
		for (const item of batch) {
			try {
				await perform(item.write);
				log.info('store write recovered', { attempts: item.attempts + 1, ...describe(item.write) });
				if (journal) await journalStep('mark a write done', () => journal.done(item.id));
			} catch {
				item.attempts += 1;
				waiting.push(item);
			}
		}
		if (waiting.length === 0) {
			delay = firstDelayMs;
			// Checked and asked for in the same turn: an append that follows lands after it.
			if (journal && batch.length > 0)
				await journalStep('empty the journal', () => journal.clear());
		}
		schedule();
	}

	/** One flush at a time: a second one would see an empty list and empty the journal early. */
	function flush(): Promise<void> {
		flushing ??= flushOnce().finally(() => (flushing = undefined));
		return flushing;
	}

	return {
		async run(write) {
			try {
				await perform(write);
			} catch (e) {
				log.error('store write failed; queued for retry', { error: String(e), ...describe(write) });
				const item = { id: randomUUID(), write, attempts: 1 };
				waiting.push(item);
				if (journal)
					await journalStep('record a queued write', () => journal.append(item.id, write));
				if (waiting.length > MAX_PENDING) {
					const dropped = waiting.shift()!;
					log.error('store write dropped: retry queue full', describe(dropped.write));
					if (journal) await journalStep('drop a write', () => journal.done(dropped.id));
				}
				schedule();
			}
		},
		pending: () => waiting,
		flush,
		async recover() {
			if (!journal) return;
			let entries: { id: string; write: T }[] = [];
			try {
				entries = await journal.load();
			} catch (e) {
				log.error('retry journal: could not read it; its writes are not replayed', {
					error: String(e)
				});
				return;
			}
			if (entries.length === 0) return;
			log.info('replaying store writes queued before the last stop', { count: entries.length });
			waiting.push(...entries.map((e) => ({ ...e, attempts: 0 })));
			await flush();
		}
	};
}
