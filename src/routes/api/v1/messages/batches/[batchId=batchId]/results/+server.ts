// GET streams a batch's JSONL results as the upstream sends them: bytes passed through, never
// buffered. The first complete download records the batch's usage in the ledger (once per batch).
import { apiHandler, forward } from '$lib/server/proxy';
import { batchPath } from '$lib/server/batch-proxy';
import { jsonlUsageTap } from '$lib/server/guard/batch-usage';
import { getLimitDeps } from '$lib/server/guard/deps';
import { utcDay } from '$lib/server/guard/ledger';
import { getStore } from '$lib/server/store';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	apiHandler(event, async () => {
		const id = event.params.batchId;
		const tap = jsonlUsageTap();
		return forward(event, { method: 'GET', path: `${batchPath(id)}/results` }, {
			watch: {
				onChunk: (c) => tap.feed(c),
				onComplete: () => void recordBatchUsage(id, event.locals.user, tap.finish())
			}
		});
	});

/** The last millisecond a Date can hold: a counter window that is never pruned. */
const FOREVER = 8_640_000_000_000_000;

async function recordBatchUsage(batchId: string, downloader: string, usage: { input: number; output: number }) {
	const store = await getStore();
	// An atomic counter makes "only the first complete download counts" hold across instances.
	if ((await store.incrementRate(`batch-usage:${batchId}`, FOREVER)) !== 1) return;
	const owner = (await store.getBatch(batchId))?.createdBy ?? downloader;
	await getLimitDeps().ledger.add(owner, utcDay(), usage);
}
