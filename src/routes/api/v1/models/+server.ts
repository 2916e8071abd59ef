import { apiHandler } from '$lib/server/gateway/handler';
import { pageQuery } from '$lib/server/query';
import { serveModels } from '$lib/server/models/serve';
import type { RequestHandler } from './$types';

/** The page query plus the lifecycle filter (`lifecycle[]=retired`), passed on as sent. */
export const GET: RequestHandler = (event) =>
	apiHandler(event, () => {
		const lifecycle = [
			...event.url.searchParams.getAll('lifecycle[]'),
			...event.url.searchParams.getAll('lifecycle')
		];
		const query = { ...pageQuery(event.url), ...(lifecycle.length ? { lifecycle } : {}) };
		return serveModels(event, '/v1/models', query);
	});
