import { join } from 'node:path';
import { getConfig } from '../config';
import { recordBatch } from '../gateway/batch-index';
import { getStore, type BatchReservation } from '../store';
import { resultsUsage } from './batch-budget';
import { durableQueue, type DurableQueue } from './durable';
import { fileJournal } from './journal';
import type { UsageLedger } from './ledger';
import { sumUsage, type Usage } from '$lib/schemas/usage';

/** Every write the retry queue may hold: plain data, so a new process can replay it. */
export type DurableWrite =
	/** A request's hold swapped for its real usage (a zero usage gives a hold back). */
	| { kind: 'usage'; user: string; day: string; reserved: number; usage: Usage }
	/** A created batch's hold, kept until its results are in. */
	| { kind: 'batch hold'; hold: BatchReservation }
	/** An ended batch's hold swapped for the usage its results report. */
	| { kind: 'batch usage'; hold: BatchReservation }
	/** A created batch's owner, label and template (ownership checks depend on it). */
	| {
			kind: 'batch index';
			entry: { id: string; creator: string; label: string; template: unknown };
	  };

export type WriteQueue = DurableQueue<DurableWrite>;

export async function performWrite(w: DurableWrite, deps: { ledger: UsageLedger }): Promise<void> {
	switch (w.kind) {
		case 'usage':
			return deps.ledger.settle(w.user, w.day, w.reserved, journaledUsage(w.usage));
		case 'batch hold':
			return (await getStore()).recordBatchReservation(w.hold);
		case 'batch usage': {
			const usage = await resultsUsage(w.hold.batchId);
			return deps.ledger.settle(w.hold.user, w.hold.day, w.hold.reservedTokens, usage);
		}
		case 'batch index':
			return recordBatch(w.entry);
	}
}

/**
 * A journal written before usage was kept in the wire shape holds `{ input, output }` budget
 * tokens; replayed after an upgrade, it must still charge them.
 */
function journaledUsage(usage: Usage): Usage {
	const { input, output } = usage;
	if (usage.input_tokens === undefined && typeof input === 'number' && typeof output === 'number')
		return { input_tokens: input, output_tokens: output };
	return usage;
}

/** The fields a log line names (no templates: they may be large). */
export function describeWrite(w: DurableWrite): Record<string, unknown> {
	switch (w.kind) {
		case 'usage':
			return { what: w.kind, user: w.user, day: w.day, ...sumUsage([w.usage]) };
		case 'batch hold':
		case 'batch usage':
			return { what: w.kind, user: w.hold.user, batchId: w.hold.batchId };
		case 'batch index':
			return { what: w.kind, user: w.entry.creator, batchId: w.entry.id };
	}
}

/** A queue journaling to DATA_DIR (0600), writing with the given ledger. */
export function writeQueue(ledger: UsageLedger, dataDir = getConfig().DATA_DIR): WriteQueue {
	return durableQueue<DurableWrite>({
		perform: (w) => performWrite(w, { ledger }),
		describe: describeWrite,
		journal: fileJournal(join(dataDir, 'pending-writes.jsonl'))
	});
}
