// POST /api/prompts/<id>/versions: saves the next version of a prompt.
import { json, parseJsonText, readBodyText } from '$lib/server/http';
import { apiHandler } from '$lib/server/gateway/handler';
import { MAX_PROMPT_BYTES, addPromptVersion } from '$lib/server/gateway/prompts';
import { getStore } from '$lib/server/store';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = (event) =>
	apiHandler(event, async () => {
		const body = parseJsonText(await readBodyText(event.request, MAX_PROMPT_BYTES));
		return json(
			await addPromptVersion(await getStore(), event.params.id, body, event.locals.user),
			{ status: 201 }
		);
	});
