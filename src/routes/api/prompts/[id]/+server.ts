// GET /api/prompts/<id>: a saved prompt with every version, newest first.
import { json } from '$lib/server/http';
import { apiHandler } from '$lib/server/gateway/handler';
import { getPrompt } from '$lib/server/gateway/prompts';
import { getStore } from '$lib/server/store';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	apiHandler(event, async () =>
		json(await getPrompt(await getStore(), event.params.id, event.locals.user))
	);
