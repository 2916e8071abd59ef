import { fail, redirect } from '@sveltejs/kit';
import { getConfig } from '$lib/server/config';
import { getCounter } from '$lib/server/guard/counters';
import { attemptLogin, safeNext, setSessionCookie } from '$lib/server/guard/login';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({
	hasPasscode: Boolean(getConfig().PLAYGROUND_PASSCODE),
	next: safeNext(url.searchParams.get('next'))
});

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const data = await request.formData();
		const form = { name: String(data.get('name') ?? ''), passcode: String(data.get('passcode') ?? '') };
		const config = getConfig();
		const result = await attemptLogin(form, getClientAddress(), config, getCounter());
		if (!result.ok) return fail(result.status, { name: form.name, message: result.message });
		setSessionCookie(cookies, result.user, config);
		redirect(303, safeNext(url.searchParams.get('next')));
	}
};
