// POST /api/v1/messages: validates the body, then proxies it; `stream: true` answers with SSE bytes as the API sent them.
import { MessageCreateParamsSchema } from '$lib/schemas';
import { getConfig } from '$lib/server/config';
import { enforceRequestPolicy } from '$lib/server/guard/policy';
import { apiHandler, forward, readValidatedBody } from '$lib/server/proxy';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = (event) =>
	apiHandler(event, async () => {
		const { raw, parsed } = await readValidatedBody(event, MessageCreateParamsSchema);
		enforceRequestPolicy(parsed, getConfig());
		return forward(event, { method: 'POST', path: '/v1/messages', body: raw, stream: parsed.stream === true });
	});
