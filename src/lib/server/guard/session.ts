import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A signed session cookie value: base64url(JSON {user, exp}) + "." + HMAC-SHA256. Nothing
 * secret is inside; the signature stops anyone from minting or editing one.
 */
export const SESSION_COOKIE = 'playground_session';
export const SESSION_TTL_SECONDS = 7 * 24 * 60 * 60;

export interface Session {
	user: string;
	/** Expiry, seconds since the epoch. */
	exp: number;
}

function sign(payload: string, secret: string): string {
	return createHmac('sha256', secret).update(payload).digest('base64url');
}

export function createSessionValue(user: string, secret: string, now = Date.now()): string {
	const payload = Buffer.from(JSON.stringify({ user, exp: Math.floor(now / 1000) + SESSION_TTL_SECONDS })).toString('base64url');
	return `${payload}.${sign(payload, secret)}`;
}

export function readSessionValue(value: string | undefined, secret: string, now = Date.now()): Session | null {
	if (!value) return null;
	const [payload, signature] = value.split('.');
	if (!payload || !signature) return null;
	const expected = Buffer.from(sign(payload, secret));
	const given = Buffer.from(signature);
	if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
	try {
		const session = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Session;
		if (typeof session.user !== 'string' || typeof session.exp !== 'number') return null;
		return session.exp * 1000 > now ? session : null;
	} catch {
		return null;
	}
}

/** Without SESSION_SECRET, sessions are signed with a per-process secret (they end on restart). */
let processSecret: string | undefined;
export function sessionSecret(configured: string | undefined): string {
	if (configured) return configured;
	processSecret ??= randomBytes(32).toString('hex');
	return processSecret;
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
