import { getConfig } from '$lib/server/config';
import { clearSessionCookie } from '$lib/server/guard/login';
import { SESSION_COOKIE, endSession } from '$lib/server/guard/session';
import { log } from '$lib/server/log';
import { getStore } from '$lib/server/store';
import type { RequestHandler } from './$types';

/** Ends the session in the store (a copied cookie dies too), then clears the cookie. */
export const POST: RequestHandler = async ({ cookies, locals }) => {
	await endSession(await getStore(), cookies.get(SESSION_COOKIE));
	clearSessionCookie(cookies, getConfig());
	log.info('logout', { requestId: locals.requestId, user: locals.user });
	return new Response(null, { status: 303, headers: { location: '/login' } });
};
