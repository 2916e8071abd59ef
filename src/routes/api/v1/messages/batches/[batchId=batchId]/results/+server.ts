// GET streams a batch's JSONL results (its owner only) as the upstream sends them: bytes passed
// through, never buffered. Usage is settled from the results when the batch ends, not here.
import { apiHandler } from '$lib/server/gateway/handler';
import { forward } from '$lib/server/gateway/forward';
import { batchPath } from '$lib/server/gateway/batch-proxy';
import { assertBatchAccess } from '$lib/server/guard/batch-owner';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	apiHandler(event, async () => {
		await assertBatchAccess(event.params.batchId, event.locals.user, 'read');
		return forward(event, { method: 'GET', path: `${batchPath(event.params.batchId)}/results` });
	});
