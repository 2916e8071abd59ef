import { CountTokensParamsSchema } from '$lib/schemas';
import { getConfig } from '$lib/server/config';
import { getLimitDeps } from '$lib/server/guard/deps';
import { checkRate } from '$lib/server/guard/limits';
import { enforceRequestPolicy } from '$lib/server/guard/policy';
import { apiHandler, forward, readValidatedBody } from '$lib/server/proxy';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = (event) =>
	apiHandler(event, async () => {
		const { raw, parsed } = await readValidatedBody(event, CountTokensParamsSchema);
		enforceRequestPolicy(parsed, getConfig());
		await checkRate(event.locals.user, getConfig(), getLimitDeps());
		return forward(event, { method: 'POST', path: '/v1/messages/count_tokens', body: raw });
	});
