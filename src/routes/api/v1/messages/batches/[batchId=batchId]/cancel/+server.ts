// POST cancels a batch; answers the batch (status canceling), results_url rewritten to this app.
import { apiHandler } from '$lib/server/gateway/handler';
import { batchPath, forwardBatch } from '$lib/server/gateway/batch-proxy';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = (event) =>
	apiHandler(event, async () => forwardBatch(event, { method: 'POST', path: `${batchPath(event.params.batchId)}/cancel` }));
