import { getConfig } from '$lib/server/config';
import { adminActions, requireAdmin } from '$lib/server/auth/admin-actions';
import { adminOverview } from '$lib/server/guard/admin';
import { getStore } from '$lib/server/store';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requireAdmin(locals.user);
	return adminOverview(await getStore(), getConfig());
};

export const actions: Actions = adminActions;
