import { clearSessionCookie } from '$lib/server/guard/login';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ cookies }) => {
	clearSessionCookie(cookies);
	return new Response(null, { status: 303, headers: { location: '/login' } });
};
