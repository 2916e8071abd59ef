// POST creates a batch (body cap MAX_BATCH_BODY_BYTES), GET lists the user's batches; results_url points back at this app.
// A create holds its whole worst case against the budget and is recorded in the batch index (its owner, label, template).
// A large body is checked in a worker thread and spooled to disk as it arrives (batch-upload/receive.ts).
import { getConfig } from '$lib/server/config';
import { apiHandler } from '$lib/server/gateway/handler';
import { forwardBatch } from '$lib/server/gateway/batch-proxy';
import { receiveBatch } from '$lib/server/batch-upload/receive';
import { batchMetaFromHeaders } from '$lib/server/gateway/batch-index';
import { admitBatch } from '$lib/server/guard/batch-budget';
import { getLimitDeps } from '$lib/server/guard/deps';
import { takeUploadSlot } from '$lib/server/guard/limits';
import { pageQuery } from '$lib/server/query';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = (event) =>
	apiHandler(event, async () => {
		const config = getConfig();
		const deps = getLimitDeps();
		const user = event.locals.user;
		const releaseUpload = await takeUploadSlot(user, config, deps);
		let dispose = async () => {};
		try {
			const received = await receiveBatch(event.request, config);
			dispose = received.dispose;
			const hold = await admitBatch(user, received.worstCaseTokens, config, deps);
			const call = { method: 'POST' as const, path: '/v1/messages/batches', body: received.body };
			const response = await forwardBatch(event, call).catch(async (e) => {
				await hold.release();
				throw e;
			});
			const batch = response.ok
				? ((await response
						.clone()
						.json()
						.catch(() => null)) as { id?: unknown } | null)
				: null;
			if (typeof batch?.id !== 'string') {
				await hold.release();
				return response;
			}
			const id = batch.id;
			await hold.attach(id);
			const meta = batchMetaFromHeaders(event.request.headers);
			// The owner must be recorded (ownership checks depend on it): retried until the store takes it.
			await deps.writes.run({ kind: 'batch index', entry: { id, creator: user, ...meta } });
			return response;
		} finally {
			await dispose();
			await releaseUpload();
		}
	});

export const GET: RequestHandler = (event) =>
	apiHandler(event, async () =>
		forwardBatch(event, {
			method: 'GET',
			path: '/v1/messages/batches',
			query: pageQuery(event.url)
		})
	);
