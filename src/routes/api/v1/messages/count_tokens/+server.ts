import { CountTokensParamsSchema } from '$lib/schemas';
import { apiHandler, forward, readValidatedBody } from '$lib/server/proxy';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = (event) =>
	apiHandler(event, async () => {
		const { raw } = await readValidatedBody(event, CountTokensParamsSchema);
		return forward(event, { method: 'POST', path: '/v1/messages/count_tokens', body: raw });
	});
