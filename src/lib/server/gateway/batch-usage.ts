import { getLimitDeps } from '../guard/deps';
import { utcDay } from '../guard/ledger';
import { getStore } from '../store';

/** The last millisecond a Date can hold: a counter window that is never pruned. */
const FOREVER = 8_640_000_000_000_000;

/**
 * Books a batch's usage to its creator (or, for a batch made elsewhere, whoever downloads it)
 * when its results have been read through completely.
 */
export async function recordBatchUsage(
	batchId: string,
	downloader: string,
	usage: { input: number; output: number }
) {
	const store = await getStore();
	// An atomic counter makes "only the first complete download counts" hold across instances.
	if ((await store.incrementRate(`batch-usage:${batchId}`, FOREVER)) !== 1) return;
	const owner = (await store.getBatch(batchId))?.createdBy ?? downloader;
	await getLimitDeps().ledger.add(owner, utcDay(), usage);
}
