// Any other /api path or method: the API's own 404 shape, so SDKs get a NotFoundError, not HTML.
import { apiError } from '$lib/server/http';
import type { RequestHandler } from './$types';

export const fallback: RequestHandler = ({ request, url, locals }) =>
	apiError('not_found_error', `Not found: ${request.method} ${url.pathname}`, {
		requestId: locals.requestId
	});
