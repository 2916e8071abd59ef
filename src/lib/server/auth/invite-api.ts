import { error, json, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { getConfig } from '../config';
import { getCounter } from '../guard/counters';
import { eventClientAddress } from '../guard/identity';
import { LOGIN_FAILURES_PER_ADDRESS, setSessionCookie } from '../guard/login';
import { startSession } from '../guard/session';
import { LimitProblem, secondsToNextMinute } from '../guard/limits';
import { HttpProblem, parseJsonText, readBodyText, validate } from '../http';
import { log } from '../log';
import { getStore } from '../store';
import { liveInvite, redeemInvite } from './invites';

/** `/api/invites/<token>`: what the invite page reads and posts to, before anyone is signed in. */

const RedeemBody = z.object({ secret: z.string() });
const MAX_BODY = 4096;

/**
 * Tokens cannot be guessed (256 bits), but a client probing them is refused after as many
 * misses per minute as a login allows, so it cannot load the store for free either.
 */
async function limitedByAddress<T>(event: RequestEvent, run: () => Promise<T>): Promise<T> {
	const key = `invite-fail:addr:${eventClientAddress(event, getConfig())}`;
	const counter = getCounter();
	if ((await counter.count(key, 60_000)) >= LOGIN_FAILURES_PER_ADDRESS)
		throw new LimitProblem(
			'Too many invite links tried from this address. Wait a minute.',
			secondsToNextMinute(Date.now())
		);
	try {
		return await run();
	} catch (e) {
		if (e instanceof HttpProblem && (e.status === 404 || e.status === 410))
			await counter.hit(key, 60_000);
		throw e;
	}
}

export function inviteInfo(event: RequestEvent): Promise<Response> {
	return limitedByAddress(event, async () => {
		const invite = await liveInvite((await getStore()).identities, event.params.token ?? '');
		return json({ name: invite.name, expires_at: invite.expiresAt });
	});
}

/** Sets the invited name's secret and signs the browser in as that name. */
export function acceptInvite(event: RequestEvent): Promise<Response> {
	return limitedByAddress(event, async () => {
		const config = getConfig();
		const body = validate(RedeemBody, parseJsonText(await readBodyText(event.request, MAX_BODY)));
		const store = await getStore();
		const name = await redeemInvite(store, event.params.token ?? '', body.secret);
		const address = eventClientAddress(event, config);
		setSessionCookie(event.cookies, await startSession(store, name, address), config);
		log.info('invite accepted', { requestId: event.locals.requestId, user: name, address });
		return json({ user: name });
	});
}

/** The invite page's data, or its 404/410 (an error page, never a 500) for a bad link. */
export async function invitePage(token: string): Promise<{ name: string; expiresAt: string }> {
	try {
		const invite = await liveInvite((await getStore()).identities, token);
		return { name: invite.name, expiresAt: invite.expiresAt };
	} catch (e) {
		if (e instanceof HttpProblem) error(e.status, e.message);
		throw e;
	}
}
