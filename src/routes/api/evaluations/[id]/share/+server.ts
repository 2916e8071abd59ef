// POST /api/evaluations/<id>/share: freezes the evaluation as a read-only link.
import { json } from '$lib/server/http';
import { shareEvaluation } from '$lib/server/gateway/evaluations';
import { apiHandler } from '$lib/server/gateway/handler';
import { getStore } from '$lib/server/store';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = (event) =>
	apiHandler(event, async () => {
		const share = await shareEvaluation(await getStore(), event.params.id, event.locals.user);
		return json({ id: share.id, url: `/evaluate/shared/${share.id}` }, { status: 201 });
	});
