import { apiHandler } from '$lib/server/gateway/handler';
import { forward } from '$lib/server/gateway/forward';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	apiHandler(event, async () =>
		forward(event, { method: 'GET', path: `/v1/models/${encodeURIComponent(event.params.modelId)}` })
	);
