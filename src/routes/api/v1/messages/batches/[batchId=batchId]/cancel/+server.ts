// POST cancels a batch (its owner only); answers the batch (status canceling), results_url rewritten to this app.
import { apiHandler } from '$lib/server/gateway/handler';
import { batchPath, forwardBatch } from '$lib/server/gateway/batch-proxy';
import { assertBatchAccess } from '$lib/server/guard/batch-owner';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = (event) =>
	apiHandler(event, async () => {
		await assertBatchAccess(event.params.batchId, event.locals.user, 'write');
		return forwardBatch(event, {
			method: 'POST',
			path: `${batchPath(event.params.batchId)}/cancel`
		});
	});
