import type { RequestEvent } from '@sveltejs/kit';
import type { Config } from '../config';
import { SESSION_COOKIE, readSessionValue, sessionSecret } from './session';

export function isGateOn(config: Config): boolean {
	return Boolean(config.PLAYGROUND_PASSCODE || config.PLAYGROUND_USERS || config.TRUSTED_USER_HEADER);
}

/** The user behind a request from a trusted reverse proxy's header, else from our session cookie. */
export function identify(event: RequestEvent, config: Config): string | null {
	if (config.TRUSTED_USER_HEADER) {
		let address = '';
		try {
			address = event.getClientAddress();
		} catch {
			address = '';
		}
		// Only the configured proxies may vouch for a user; anyone else could forge the header.
		if (config.TRUSTED_PROXIES.includes(normalizeAddress(address))) {
			const user = event.request.headers.get(config.TRUSTED_USER_HEADER)?.trim();
			if (user) return user.slice(0, 128);
		}
	}
	if (config.PLAYGROUND_PASSCODE) {
		const session = readSessionValue(event.cookies.get(SESSION_COOKIE), sessionSecret(config.SESSION_SECRET));
		if (session) return session.user;
	}
	return null;
}

/** `::ffff:127.0.0.1` and `127.0.0.1` are the same client. */
export function normalizeAddress(address: string): string {
	return address.startsWith('::ffff:') ? address.slice(7) : address;
}
