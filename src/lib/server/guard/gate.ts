import { redirect, type Handle } from '@sveltejs/kit';
import { getConfig } from '../config';
import { apiError } from '../http';
import { identify, isGateOn } from './identity';

/**
 * Reachable without signing in: the login page, invite links (the token is the credential),
 * the health check and static assets.
 */
function isPublic(pathname: string): boolean {
	return (
		pathname === '/login' ||
		pathname.startsWith('/invite/') ||
		pathname.startsWith('/api/invites/') ||
		pathname === '/api/health' ||
		pathname.startsWith('/_app/') ||
		pathname === '/favicon.svg' ||
		pathname === '/robots.txt'
	);
}

/**
 * The team gate: off unless a passcode or a trusted user header is configured. With it on,
 * API routes answer 401 in the API's error shape and pages redirect to the login page.
 */
export const authGate: Handle = async ({ event, resolve }) => {
	const config = getConfig();
	if (!isGateOn(config)) {
		// No gate: everyone is in; a token still says who is calling, for usage and budgets.
		if (event.locals.tokenUser) event.locals.user = event.locals.tokenUser;
		return resolve(event);
	}
	const user = (await identify(event, config)) ?? event.locals.tokenUser ?? null;
	if (user) {
		event.locals.user = user;
		return resolve(event);
	}
	if (isPublic(event.url.pathname)) return resolve(event);
	if (event.url.pathname.startsWith('/api/')) {
		return apiError(
			'authentication_error',
			'Sign in to the playground, or send a playground API token as x-api-key.',
			{
				requestId: event.locals.requestId
			}
		);
	}
	const next = event.url.pathname + event.url.search;
	redirect(303, `/login?next=${encodeURIComponent(next)}`);
};
