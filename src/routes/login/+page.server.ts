import { fail, redirect } from '@sveltejs/kit';
import { hasPasscodeLogin } from '$lib/server/auth/names';
import { getConfig } from '$lib/server/config';
import { getCounter } from '$lib/server/guard/counters';
import { eventClientAddress } from '$lib/server/guard/identity';
import { attemptLogin, safeNext, setSessionCookie } from '$lib/server/guard/login';
import { startSession } from '$lib/server/guard/session';
import { log } from '$lib/server/log';
import { getStore } from '$lib/server/store';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({
	hasPasscode: hasPasscodeLogin(getConfig()),
	guests: Boolean(getConfig().PLAYGROUND_PASSCODE),
	next: safeNext(url.searchParams.get('next'))
});

export const actions: Actions = {
	default: async (event) => {
		const { request, cookies, url } = event;
		// The body was capped before it got here (hooks / scripts/start.js): a form is a few KB.
		let data: FormData;
		try {
			data = await request.formData();
		} catch {
			return fail(400, { name: '', message: 'Send the sign-in form as a form.' });
		}
		const form = {
			name: String(data.get('name') ?? ''),
			passcode: String(data.get('passcode') ?? '')
		};
		const config = getConfig();
		const address = eventClientAddress(event, config);
		const store = await getStore();
		const result = await attemptLogin(form, address, config, getCounter(), store.identities);
		if (!result.ok) {
			log.info(result.event ?? 'login refused', {
				requestId: event.locals.requestId,
				user: form.name.slice(0, 64),
				address,
				status: result.status
			});
			return fail(result.status, { name: form.name, message: result.message });
		}
		setSessionCookie(cookies, await startSession(store, result.user, address), config);
		log.info('login', { requestId: event.locals.requestId, user: result.user, address });
		redirect(303, safeNext(url.searchParams.get('next')));
	}
};
