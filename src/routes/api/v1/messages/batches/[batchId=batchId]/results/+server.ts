// GET streams a batch's JSONL results as the upstream sends them: bytes passed through, never buffered or parsed.
import { apiHandler, forward } from '$lib/server/proxy';
import { batchPath } from '$lib/server/batch-proxy';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	apiHandler(event, async () => forward(event, { method: 'GET', path: `${batchPath(event.params.batchId)}/results` }));
