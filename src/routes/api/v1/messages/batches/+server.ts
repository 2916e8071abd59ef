// POST creates a batch (body cap MAX_BATCH_BODY_BYTES), GET lists batches; results_url points back at this app.
// A create is recorded in the batch index (creator, and the label/template headers the playground sends).
import { apiHandler } from '$lib/server/gateway/handler';
import { forwardBatch, readBatchCreateBody } from '$lib/server/gateway/batch-proxy';
import { batchMetaFromHeaders, recordBatch } from '$lib/server/gateway/batch-index';
import { log } from '$lib/server/log';
import { pageQuery } from '$lib/server/query';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = (event) =>
	apiHandler(event, async () => {
		const response = await forwardBatch(event, { method: 'POST', path: '/v1/messages/batches', body: await readBatchCreateBody(event) });
		const batch = response.ok ? ((await response.clone().json().catch(() => null)) as { id?: unknown } | null) : null;
		if (typeof batch?.id !== 'string') return response;
		const meta = batchMetaFromHeaders(event.request.headers);
		// The batch exists either way; a failed index write only loses its label.
		await recordBatch({ id: batch.id, creator: event.locals.user, ...meta }).catch((e) =>
			log.warn('batch index write failed', { requestId: event.locals.requestId, error: String(e) })
		);
		return response;
	});

export const GET: RequestHandler = (event) =>
	apiHandler(event, async () => forwardBatch(event, { method: 'GET', path: '/v1/messages/batches', query: pageQuery(event.url) }));
