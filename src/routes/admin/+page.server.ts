import { error, fail } from '@sveltejs/kit';
import { getConfig } from '$lib/server/config';
import { adminOverview, isAdmin } from '$lib/server/guard/admin';
import { log } from '$lib/server/log';
import { getStore } from '$lib/server/store';
import type { Actions, PageServerLoad } from './$types';

/** Not an admin: the page does not exist for them. */
function requireAdmin(user: string) {
	if (!isAdmin(user, getConfig())) error(404, 'Not found');
}

export const load: PageServerLoad = async ({ locals }) => {
	requireAdmin(locals.user);
	return adminOverview(await getStore(), getConfig());
};

export const actions: Actions = {
	/** Ends every session of a user at once (they sign in again; their tokens are separate). */
	revokeSessions: async ({ request, locals }) => {
		requireAdmin(locals.user);
		const user = String((await request.formData()).get('user') ?? '');
		const n = await (await getStore()).revokeSessions({ user }, new Date().toISOString());
		log.info('admin revoked sessions', { admin: locals.user, user, sessions: n });
		return { revokedSessions: { user, count: n } };
	},
	revokeToken: async ({ request, locals }) => {
		requireAdmin(locals.user);
		const data = await request.formData();
		const id = String(data.get('id') ?? '');
		const owner = String(data.get('user') ?? '');
		const ok = await (await getStore()).revokeApiToken(id, owner, new Date().toISOString());
		if (!ok) return fail(404, { message: 'No such active token.' });
		log.info('admin revoked token', { admin: locals.user, user: owner, tokenId: id });
		return { revokedToken: id };
	}
};
