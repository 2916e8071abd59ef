import { apiHandler } from '$lib/server/gateway/handler';
import { serveModels } from '$lib/server/models/serve';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	apiHandler(event, () =>
		serveModels(event, `/v1/models/${encodeURIComponent(event.params.modelId)}`)
	);
