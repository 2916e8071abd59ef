// GET retrieves a batch (results_url rewritten to this app), DELETE deletes an ended one.
import { apiHandler, forward } from '$lib/server/proxy';
import { batchPath, forwardBatch } from '$lib/server/batch-proxy';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	apiHandler(event, async () => forwardBatch(event, { method: 'GET', path: batchPath(event.params.batchId) }));

export const DELETE: RequestHandler = (event) =>
	apiHandler(event, async () => forward(event, { method: 'DELETE', path: batchPath(event.params.batchId) }));
