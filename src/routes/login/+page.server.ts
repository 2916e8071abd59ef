import { fail, redirect } from '@sveltejs/kit';
import { getConfig } from '$lib/server/config';
import { getCounter } from '$lib/server/guard/counters';
import { eventClientAddress } from '$lib/server/guard/identity';
import { attemptLogin, safeNext, setSessionCookie } from '$lib/server/guard/login';
import { startSession } from '$lib/server/guard/session';
import { log } from '$lib/server/log';
import { getStore } from '$lib/server/store';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({
	hasPasscode: Boolean(getConfig().PLAYGROUND_PASSCODE || getConfig().PLAYGROUND_USERS),
	next: safeNext(url.searchParams.get('next'))
});

export const actions: Actions = {
	default: async (event) => {
		const { request, cookies, url } = event;
		// The body was capped before it got here (hooks / scripts/start.js): a form is a few KB.
		const data = await request.formData();
		const form = {
			name: String(data.get('name') ?? ''),
			passcode: String(data.get('passcode') ?? '')
		};
		const config = getConfig();
		const address = eventClientAddress(event, config);
		const result = await attemptLogin(form, address, config, getCounter());
		if (!result.ok) {
			log.info(result.event ?? 'login refused', {
				requestId: event.locals.requestId,
				user: form.name.slice(0, 64),
				address,
				status: result.status
			});
			return fail(result.status, { name: form.name, message: result.message });
		}
		setSessionCookie(cookies, await startSession(await getStore(), result.user, address), config);
		log.info('login', { requestId: event.locals.requestId, user: result.user, address });
		redirect(303, safeNext(url.searchParams.get('next')));
	}
};
