// GET retrieves a batch (results_url rewritten to this app), DELETE deletes an ended one.
import { apiHandler } from '$lib/server/gateway/handler';
import { forward } from '$lib/server/gateway/forward';
import { batchPath, forwardBatch } from '$lib/server/gateway/batch-proxy';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	apiHandler(event, async () => forwardBatch(event, { method: 'GET', path: batchPath(event.params.batchId) }));

export const DELETE: RequestHandler = (event) =>
	apiHandler(event, async () => forward(event, { method: 'DELETE', path: batchPath(event.params.batchId) }));
