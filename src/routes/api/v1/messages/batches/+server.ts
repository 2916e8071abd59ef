// POST creates a batch (body cap MAX_BATCH_BODY_BYTES), GET lists batches; results_url points back at this app.
import { apiHandler } from '$lib/server/proxy';
import { forwardBatch, readBatchCreateBody } from '$lib/server/batch-proxy';
import { pageQuery } from '$lib/server/query';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = (event) =>
	apiHandler(event, async () =>
		forwardBatch(event, { method: 'POST', path: '/v1/messages/batches', body: await readBatchCreateBody(event) })
	);

export const GET: RequestHandler = (event) =>
	apiHandler(event, async () => forwardBatch(event, { method: 'GET', path: '/v1/messages/batches', query: pageQuery(event.url) }));
