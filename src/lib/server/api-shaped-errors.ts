import type { Handle } from '@sveltejs/kit';
import { apiError } from './http';

/**
 * Kit answers some requests itself, before or instead of our routes: a method a route does not
 * export (plain-text 405), a path it cannot decode (an HTML error page). Under /api a client (an
 * SDK, curl, our own pages) expects the API's error shape for every error, so such an answer is
 * rewritten in it. Our routes and the upstream always answer errors as JSON; those pass as they are.
 */
export const apiShapedErrors: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (response.status < 400 || !event.url.pathname.startsWith('/api/')) return response;
	if (response.headers.get('content-type')?.includes('application/json')) return response;
	await response.body?.cancel();
	const init = { status: response.status, requestId: event.locals.requestId };
	const allow = response.headers.get('allow');
	if (response.status === 405)
		return apiError(
			'invalid_request_error',
			`${event.request.method} is not allowed on ${event.url.pathname}.` +
				(allow ? ` Use ${allow.split(/,\s*/).join(' or ')}.` : ''),
			{ ...init, headers: allow ? { allow } : {} }
		);
	if (response.status === 400)
		return apiError(
			'invalid_request_error',
			`The path ${event.url.pathname} could not be decoded.`,
			init
		);
	return apiError(
		response.status >= 500 ? 'api_error' : 'invalid_request_error',
		`${event.request.method} ${event.url.pathname} failed (${response.status}).`,
		init
	);
};
