// GET /api/prompts?q=: the team's saved prompts. POST: saves a request as a new prompt.
import { json, parseJsonText, readBodyText } from '$lib/server/http';
import { apiHandler } from '$lib/server/gateway/handler';
import { MAX_PROMPT_BYTES, createPrompt, listPrompts } from '$lib/server/gateway/prompts';
import { getStore } from '$lib/server/store';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	apiHandler(event, async () =>
		json({
			data: await listPrompts(
				await getStore(),
				event.locals.user,
				event.url.searchParams.get('q') ?? ''
			)
		})
	);

export const POST: RequestHandler = (event) =>
	apiHandler(event, async () => {
		const body = parseJsonText(await readBodyText(event.request, MAX_PROMPT_BYTES));
		return json(await createPrompt(await getStore(), body, event.locals.user), { status: 201 });
	});
