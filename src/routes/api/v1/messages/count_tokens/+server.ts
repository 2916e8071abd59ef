import { CountTokensParamsSchema } from '$lib/schemas';
import { getConfig } from '$lib/server/config';
import { getLimitDeps } from '$lib/server/guard/deps';
import { checkRate } from '$lib/server/guard/limits';
import { enforceRequestPolicy } from '$lib/server/guard/policy';
import { apiHandler } from '$lib/server/gateway/handler';
import { clientQuery, forward, readValidatedBody } from '$lib/server/gateway/forward';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = (event) =>
	apiHandler(event, async () => {
		const { text, parsed } = await readValidatedBody(event, CountTokensParamsSchema);
		enforceRequestPolicy(parsed, getConfig());
		await checkRate(event.locals.user, getConfig(), getLimitDeps());
		return forward(event, {
			method: 'POST',
			path: '/v1/messages/count_tokens',
			query: clientQuery(event.url),
			body: text
		});
	});
