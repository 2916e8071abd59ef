// GET /api/evaluations: the caller's evaluations; POST: saves a new one.
import { json, parseJsonText, readBodyText } from '$lib/server/http';
import {
	MAX_EVALUATION_BYTES,
	createEvaluation,
	listEvaluations
} from '$lib/server/gateway/evaluations';
import { apiHandler } from '$lib/server/gateway/handler';
import { getStore } from '$lib/server/store';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	apiHandler(event, async () =>
		json({ data: await listEvaluations(await getStore(), event.locals.user) })
	);

export const POST: RequestHandler = (event) =>
	apiHandler(event, async () => {
		const body = parseJsonText(await readBodyText(event.request, MAX_EVALUATION_BYTES));
		return json(await createEvaluation(await getStore(), body, event.locals.user), { status: 201 });
	});
