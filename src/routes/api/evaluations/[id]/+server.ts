// GET /api/evaluations/<id>: one of the caller's evaluations; PUT replaces its content.
import { json, parseJsonText, readBodyText } from '$lib/server/http';
import {
	MAX_EVALUATION_BYTES,
	getEvaluation,
	updateEvaluation
} from '$lib/server/gateway/evaluations';
import { apiHandler } from '$lib/server/gateway/handler';
import { getStore } from '$lib/server/store';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	apiHandler(event, async () =>
		json(await getEvaluation(await getStore(), event.params.id, event.locals.user))
	);

export const PUT: RequestHandler = (event) =>
	apiHandler(event, async () => {
		const body = parseJsonText(await readBodyText(event.request, MAX_EVALUATION_BYTES));
		return json(await updateEvaluation(await getStore(), event.params.id, body, event.locals.user));
	});
