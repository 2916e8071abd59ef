// POST /api/permalinks: saves a request (and optionally its result) as an immutable, content-addressed document.
import { json } from '@sveltejs/kit';
import { parseJsonText, readBodyText } from '$lib/server/http';
import { MAX_PERMALINK_BYTES, createPermalink } from '$lib/server/gateway/permalinks/service';
import { apiHandler } from '$lib/server/gateway/handler';
import { getStore } from '$lib/server/store';
import { getConfig } from '$lib/server/config';
import { getLimitDeps } from '$lib/server/guard/deps';
import { checkPermalinkQuota } from '$lib/server/guard/quotas';
import { checkRate } from '$lib/server/guard/limits';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = (event) =>
	apiHandler(event, async () => {
		const store = await getStore();
		await checkRate(event.locals.user, getConfig(), getLimitDeps());
		await checkPermalinkQuota(store, event.locals.user, getConfig());
		const body = parseJsonText(await readBodyText(event.request, MAX_PERMALINK_BYTES));
		const { id, created } = await createPermalink(store, body, event.locals.user);
		return json({ id, url: `/p/${id}` }, { status: created ? 201 : 200 });
	});
