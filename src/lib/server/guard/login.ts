import type { Cookies } from '@sveltejs/kit';
import type { Config } from '../config';
import type { WindowCounter } from './counter';
import { SESSION_COOKIE, SESSION_TTL_SECONDS, cleanUserName, createSessionValue, passcodeMatches, sessionSecret } from './session';

export const LOGIN_ATTEMPTS_PER_MINUTE = 5;

export type LoginResult = { ok: true; user: string } | { ok: false; status: 400 | 401 | 429; message: string };

/** Checks a login form; wrong passcodes are limited per client address. */
export async function attemptLogin(
	form: { name: string; passcode: string },
	client: string,
	config: Config,
	counter: WindowCounter
): Promise<LoginResult> {
	if (!config.PLAYGROUND_PASSCODE) return { ok: false, status: 400, message: 'This playground has no passcode login.' };
	const attempts = await counter.hit(`login:${client}`, 60_000);
	if (attempts > LOGIN_ATTEMPTS_PER_MINUTE)
		return { ok: false, status: 429, message: 'Too many attempts. Wait a minute and try again.' };
	const user = cleanUserName(form.name);
	if (!user) return { ok: false, status: 400, message: 'Enter your name (letters, digits, spaces, . _ @ -; up to 64).' };
	if (!passcodeMatches(form.passcode, config.PLAYGROUND_PASSCODE))
		return { ok: false, status: 401, message: 'Wrong passcode.' };
	return { ok: true, user };
}

/**
 * Whether the browser reaches us over https. adapter-node assumes https when ORIGIN is unset,
 * so the scheme of the request URL is not evidence; ORIGIN (or SECURE_COOKIES) is.
 */
export function isHttps(config: Config): boolean {
	return config.SECURE_COOKIES ?? Boolean(config.ORIGIN?.startsWith('https:'));
}

export function setSessionCookie(cookies: Cookies, user: string, config: Config): void {
	cookies.set(SESSION_COOKIE, createSessionValue(user, sessionSecret(config.SESSION_SECRET)), {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: isHttps(config),
		maxAge: SESSION_TTL_SECONDS
	});
}

export function clearSessionCookie(cookies: Cookies): void {
	cookies.delete(SESSION_COOKIE, { path: '/' });
}

/** Only same-site paths may be a post-login destination (no open redirects). */
export function safeNext(next: string | null): string {
	return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
