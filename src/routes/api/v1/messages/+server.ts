// POST /api/v1/messages: validates the body, checks the team's limits, then proxies it;
// `stream: true` answers with SSE bytes as the API sent them.
import { MessageCreateParamsSchema } from '$lib/schemas';
import { getConfig } from '$lib/server/config';
import { getLimitDeps } from '$lib/server/guard/deps';
import { utcDay } from '$lib/server/guard/ledger';
import { checkUserLimits, takeStreamSlot } from '$lib/server/guard/limits';
import { enforceRequestPolicy } from '$lib/server/guard/policy';
import { apiHandler } from '$lib/server/gateway/handler';
import { clientQuery, forward, readValidatedBody } from '$lib/server/gateway/forward';
import { outputFileRecorder } from '$lib/server/gateway/files-outputs';
import { getStore } from '$lib/server/store';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = (event) =>
	apiHandler(event, async () => {
		const config = getConfig();
		const deps = getLimitDeps();
		const user = event.locals.user;
		const { text, parsed } = await readValidatedBody(event, MessageCreateParamsSchema);
		enforceRequestPolicy(parsed, config);
		await checkUserLimits(user, config, deps);
		const stream = parsed.stream === true;
		const release = stream ? await takeStreamSlot(user, config, deps) : undefined;
		return forward(event, { method: 'POST', path: '/v1/messages', query: clientQuery(event.url), body: text, stream }, {
			onUsage: (usage) => void deps.ledger.add(user, utcDay(), usage),
			onMessageBytes: outputFileRecorder(getStore, user),
			onEnd: release && (() => void release())
		});
	});
