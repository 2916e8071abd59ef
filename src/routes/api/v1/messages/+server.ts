// POST /api/v1/messages: validates the body, then proxies it; `stream: true` answers with SSE bytes as the API sent them.
import { MessageCreateParamsSchema } from '$lib/schemas';
import { apiHandler, forward, readValidatedBody } from '$lib/server/proxy';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = (event) =>
	apiHandler(event, async () => {
		const { raw, parsed } = await readValidatedBody(event, MessageCreateParamsSchema);
		return forward(event, { method: 'POST', path: '/v1/messages', body: raw, stream: parsed.stream === true });
	});
