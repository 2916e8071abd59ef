// POST /api/v1/messages: validates the body, admits it past the team's limits (rate, slots,
// a budget hold), then proxies it; `stream: true` answers with SSE bytes as the API sent them.
import { MessageCreateParamsSchema } from '$lib/schemas';
import { getConfig } from '$lib/server/config';
import { admitMessage } from '$lib/server/guard/admit';
import { getLimitDeps } from '$lib/server/guard/deps';
import { enforceRequestPolicy } from '$lib/server/guard/policy';
import { apiHandler } from '$lib/server/gateway/handler';
import { clientQuery, forward, readValidatedBody } from '$lib/server/gateway/forward';
import { log } from '$lib/server/log';
import { outputFileRecorder } from '$lib/server/gateway/files-outputs';
import { getStore } from '$lib/server/store';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = (event) =>
	apiHandler(event, async () => {
		const config = getConfig();
		const { text, parsed } = await readValidatedBody(event, MessageCreateParamsSchema);
		enforceRequestPolicy(parsed, config);
		const admission = await admitMessage(event.locals.user, parsed, parsed, config, getLimitDeps());
		const stream = parsed.stream === true;
		return forward(
			event,
			{ method: 'POST', path: '/v1/messages', query: clientQuery(event.url), body: text, stream },
			{
				onUsage: admission.noteUsage,
				onMessageBytes: outputFileRecorder(getStore, event.locals.user),
				onEnd: (outcome) =>
					admission.finish(outcome).catch((e) => log.error('settle failed', { error: String(e) }))
			}
		);
	});
