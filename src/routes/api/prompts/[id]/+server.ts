// GET /api/prompts/<id>: a saved prompt with every version, newest first.
// PATCH renames it, DELETE removes it with its versions (both for its owner only).
import { json, parseJsonText, readBodyText } from '$lib/server/http';
import { apiHandler } from '$lib/server/gateway/handler';
import {
	MAX_PROMPT_BYTES,
	deletePrompt,
	getPrompt,
	renamePrompt
} from '$lib/server/gateway/prompts';
import { getStore } from '$lib/server/store';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	apiHandler(event, async () =>
		json(await getPrompt(await getStore(), event.params.id, event.locals.user))
	);

export const PATCH: RequestHandler = (event) =>
	apiHandler(event, async () => {
		const body = parseJsonText(await readBodyText(event.request, MAX_PROMPT_BYTES));
		return json(await renamePrompt(await getStore(), event.params.id, body, event.locals.user));
	});

export const DELETE: RequestHandler = (event) =>
	apiHandler(event, async () =>
		json(await deletePrompt(await getStore(), event.params.id, event.locals.user))
	);
