import type { Handle } from '@sveltejs/kit';
import { apiError } from './http';

/**
 * Kit answers a method a route does not export with a plain-text 405. Under /api a client (an
 * SDK, curl, our own pages) expects the API's error shape for every error, so the answer is
 * rewritten in it, naming the method refused and those the route takes (Kit's `allow` header).
 */
export const apiMethodErrors: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (response.status !== 405 || !event.url.pathname.startsWith('/api/')) return response;
	if (response.headers.get('content-type')?.includes('application/json')) return response;
	const allow = response.headers.get('allow') ?? '';
	const allowed = allow ? ` Use ${allow.split(/,\s*/).join(' or ')}.` : '';
	return apiError(
		'invalid_request_error',
		`${event.request.method} is not allowed on ${event.url.pathname}.${allowed}`,
		{ status: 405, headers: allow ? { allow } : {}, requestId: event.locals.requestId }
	);
};
