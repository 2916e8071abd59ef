import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Store } from '../store';

/**
 * Sessions live in the store: the cookie holds only a random id, the store its sha-256 with the
 * user, expiry and revocation. Logout and an admin revoke end a session everywhere at once,
 * and a copied cookie dies with it.
 */
export const SESSION_COOKIE = 'playground_session';
export const SESSION_TTL_SECONDS = 7 * 24 * 60 * 60;

export function hashSessionId(id: string): string {
	return createHash('sha256').update(id).digest('hex');
}

/** Starts a session and returns the cookie value (shown to the browser once, never stored). */
export async function startSession(
	store: Store,
	user: string,
	address: string,
	now = Date.now()
): Promise<string> {
	const id = randomBytes(32).toString('base64url');
	await store.createSession({
		idHash: hashSessionId(id),
		user,
		address,
		createdAt: new Date(now).toISOString(),
		expiresAt: new Date(now + SESSION_TTL_SECONDS * 1000).toISOString()
	});
	return id;
}

/** The user of an active session, or null (unknown, revoked, expired or malformed cookie). */
export async function sessionUser(
	store: Store,
	value: string | undefined,
	now = Date.now()
): Promise<string | null> {
	if (!value || !/^[\w-]{43}$/.test(value)) return null;
	return (await store.findSession(hashSessionId(value), new Date(now).toISOString()))?.user ?? null;
}

export async function endSession(store: Store, value: string | undefined): Promise<void> {
	if (value) await store.revokeSessions({ idHash: hashSessionId(value) }, new Date().toISOString());
}

export function passcodeMatches(given: string, expected: string): boolean {
	const a = createHmac('sha256', 'passcode').update(given).digest();
	const b = createHmac('sha256', 'passcode').update(expected).digest();
	return timingSafeEqual(a, b);
}

/** A user name typed at login: trimmed, printable, short. */
export function cleanUserName(raw: string): string | null {
	const name = raw.trim().replace(/\s+/g, ' ');
	if (name.length < 1 || name.length > 64 || !/^[\p{L}\p{N} ._@-]+$/u.test(name)) return null;
	return name;
}
