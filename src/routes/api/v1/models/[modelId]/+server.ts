import { apiHandler, forward } from '$lib/server/proxy';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	apiHandler(event, async () =>
		forward(event, { method: 'GET', path: `/v1/models/${encodeURIComponent(event.params.modelId)}` })
	);
