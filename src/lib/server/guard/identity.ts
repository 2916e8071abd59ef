import type { RequestEvent } from '@sveltejs/kit';
import type { Config } from '../config';
import { getStore } from '../store';
import { SESSION_COOKIE, sessionUser } from './session';

export function isGateOn(config: Config): boolean {
	return Boolean(
		config.PLAYGROUND_PASSCODE || config.PLAYGROUND_USERS || config.TRUSTED_USER_HEADER
	);
}

/**
 * The client's address: the socket's, or with TRUSTED_PROXY_HOPS = n the n-th X-Forwarded-For
 * entry from the right (each trusted proxy appends the address it saw; anything further left
 * was written by the client and proves nothing). Plain inputs, so node handlers can call it.
 */
export function clientAddress(
	socketAddress: string,
	forwardedFor: string | null,
	hops: number
): string {
	const socket = normalizeAddress(socketAddress);
	if (hops <= 0 || !forwardedFor) return socket;
	const chain = forwardedFor
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
	const entry = chain[chain.length - hops];
	return entry ? normalizeAddress(entry) : socket;
}

export function eventClientAddress(event: RequestEvent, config: Config): string {
	let socket = '';
	try {
		// undefined once the client has gone (adapter-node reads the closed socket's address).
		socket = event.getClientAddress() ?? '';
	} catch {
		socket = '';
	}
	return clientAddress(
		socket,
		event.request.headers.get('x-forwarded-for'),
		config.TRUSTED_PROXY_HOPS
	);
}

/** The user behind a request from a trusted reverse proxy's header, else from our session cookie. */
export async function identify(event: RequestEvent, config: Config): Promise<string | null> {
	if (config.TRUSTED_USER_HEADER) {
		let address = '';
		try {
			address = event.getClientAddress() ?? '';
		} catch {
			address = '';
		}
		// Only the configured proxies may vouch for a user; anyone else could forge the header.
		if (config.TRUSTED_PROXIES.includes(normalizeAddress(address))) {
			const user = event.request.headers.get(config.TRUSTED_USER_HEADER)?.trim();
			if (user) return user.slice(0, 128);
		}
	}
	if (config.PLAYGROUND_PASSCODE || config.PLAYGROUND_USERS) {
		const cookie = event.cookies.get(SESSION_COOKIE);
		if (cookie) return sessionUser(await getStore(), cookie);
	}
	return null;
}

/** `::ffff:127.0.0.1` and `127.0.0.1` are the same client. */
export function normalizeAddress(address: string | undefined): string {
	if (!address) return '';
	return address.startsWith('::ffff:') ? address.slice(7) : address;
}
