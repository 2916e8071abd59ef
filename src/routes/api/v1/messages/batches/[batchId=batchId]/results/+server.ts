// GET streams a batch's JSONL results as the upstream sends them: bytes passed through, never
// buffered. The first complete download records the batch's usage in the ledger (once per batch).
import { apiHandler } from '$lib/server/gateway/handler';
import { forward } from '$lib/server/gateway/forward';
import { batchPath } from '$lib/server/gateway/batch-proxy';
import { jsonlUsageTap } from '$lib/server/guard/batch-usage';
import { recordBatchUsage } from '$lib/server/gateway/batch-usage';
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
