// /api/v1/files*: relayed like any unmodelled endpoint, with each file owned by its uploader.
import { apiHandler } from '$lib/server/gateway/handler';
import { filesGateway } from '$lib/server/gateway/files';
import { passUnmodelled } from '$lib/server/gateway/passthrough';
import { getStore } from '$lib/server/store';
import type { RequestHandler } from './$types';

export const fallback: RequestHandler = (event) =>
	apiHandler(event, async () => {
		const apiPath = event.url.pathname.slice('/api'.length).replace(/\/+$/, '');
		const owners = await getStore();
		return filesGateway(event.request, apiPath, event.locals.user, {
			owners,
			relay: () => passUnmodelled(event, apiPath)
		});
	});
