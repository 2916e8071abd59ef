import { fail } from '@sveltejs/kit';
import { getConfig } from '$lib/server/config';
import { createApiToken } from '$lib/server/guard/api-tokens';
import { checkTokenQuota } from '$lib/server/guard/quotas';
import { getStore } from '$lib/server/store';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const tokens = await (await getStore()).listApiTokens(locals.user);
	return {
		user: locals.user,
		tokens: tokens.map(({ id, name, createdAt, revokedAt }) => ({ id, name, createdAt, revokedAt }))
	};
};

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const name = String((await request.formData()).get('name') ?? '').trim();
		if (!name || name.length > 64)
			return fail(400, { message: 'Give the token a name (up to 64 characters).' });
		const store = await getStore();
		try {
			await checkTokenQuota(store, locals.user, getConfig());
		} catch (e) {
			return fail(429, { message: (e as Error).message });
		}
		const created = await createApiToken(store, locals.user, name);
		return { created };
	},
	revoke: async ({ request, locals }) => {
		const id = String((await request.formData()).get('id') ?? '');
		const revoked = await (
			await getStore()
		).revokeApiToken(id, locals.user, new Date().toISOString());
		if (!revoked) return fail(404, { message: 'No such active token.' });
		return { revoked: id };
	}
};
