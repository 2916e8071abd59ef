// GET retrieves a batch (results_url rewritten to this app), DELETE deletes an ended one; only the batch's owner may.
import { apiHandler } from '$lib/server/gateway/handler';
import { forward } from '$lib/server/gateway/forward';
import { batchPath, forwardBatch } from '$lib/server/gateway/batch-proxy';
import { assertBatchAccess } from '$lib/server/guard/batch-owner';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	apiHandler(event, async () => {
		await assertBatchAccess(event.params.batchId, event.locals.user, 'read');
		return forwardBatch(event, { method: 'GET', path: batchPath(event.params.batchId) });
	});

export const DELETE: RequestHandler = (event) =>
	apiHandler(event, async () => {
		await assertBatchAccess(event.params.batchId, event.locals.user, 'write');
		return forward(event, { method: 'DELETE', path: batchPath(event.params.batchId) });
	});
