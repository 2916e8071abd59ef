// GET /api/permalinks/<id>: the stored document, validated; unknown -> 404, unreadable -> 422.
import { json } from '@sveltejs/kit';
import { documentOrProblem, readPermalink } from '$lib/server/gateway/permalinks/service';
import { apiHandler } from '$lib/server/gateway/handler';
import { getStore } from '$lib/server/store';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	apiHandler(event, async () => {
		const lookup = await readPermalink(await getStore(), event.params.id);
		// Content-addressed and immutable, so a browser may keep it.
		return json(documentOrProblem(lookup, event.params.id), {
			headers: { 'cache-control': 'private, max-age=3600, immutable' }
		});
	});
