import type { Cookies } from '@sveltejs/kit';
import type { Config } from '../config';
import type { WindowCounter } from './counter';
import {
	guestIdentity,
	hasPasscodeLogin,
	isAdminName,
	isReservedForSso,
	listedUser
} from '../auth/names';
import { decoyHash, verifySecret } from '../auth/secrets';
import type { IdentityStore } from '../store';
import { SESSION_COOKIE, SESSION_TTL_SECONDS, cleanUserName, passcodeMatches } from './session';

/** Wrong attempts allowed per minute for one name (guessing someone's secret). */
export const LOGIN_FAILURES_PER_NAME = 5;
/** ...and from one address (trying many names); higher, as an office may share an address. */
export const LOGIN_FAILURES_PER_ADDRESS = 20;

export type LoginResult =
	| { ok: true; user: string }
	| { ok: false; status: 400 | 401 | 429; message: string; event?: string };

/**
 * Who signs in with this name and secret, or null. In order: a listed user (PLAYGROUND_USERS)
 * with their own secret; an invited member with the secret they set; otherwise, only with the
 * shared passcode, a guest, and only for a name nobody owns (not listed, invited, an admin's or
 * an SSO identity). A guest is `<name> (guest)`, never the bare name, and shares one budget.
 */
export async function checkCredentials(
	name: string,
	secret: string,
	config: Config,
	identities: Pick<IdentityStore, 'memberSecret' | 'claimOn'>,
	now = Date.now()
): Promise<string | null> {
	const listed = listedUser(name, config);
	const member = listed ? null : await identities.memberSecret(name);
	// Every attempt pays for one scrypt, so how long an answer takes does not say who is a member.
	const memberSecretOk = await verifySecret(secret, member?.secretHash ?? (await decoyHash()));
	if (listed) return passcodeMatches(secret, listed.secret) ? listed.name : null;
	if (member) return memberSecretOk ? member.name : null;
	const passcode = config.PLAYGROUND_PASSCODE;
	if (!passcode || isReservedForSso(name, config) || isAdminName(name, config)) return null;
	if (await identities.claimOn(name, new Date(now).toISOString())) return null;
	return passcodeMatches(secret, passcode) ? guestIdentity(name) : null;
}

/**
 * Checks a login form. Only failures count towards the limit, per name and per address, so
 * a busy office behind one proxy address is not locked out by its own successful logins.
 */
export async function attemptLogin(
	form: { name: string; passcode: string },
	client: string,
	config: Config,
	counter: WindowCounter,
	identities: Pick<IdentityStore, 'memberSecret' | 'claimOn'>
): Promise<LoginResult> {
	if (!hasPasscodeLogin(config))
		return { ok: false, status: 400, message: 'This playground has no passcode login.' };
	const user = cleanUserName(form.name);
	if (!user)
		return {
			ok: false,
			status: 400,
			message: 'Enter your name (letters, digits, spaces, . _ @ -; up to 64).'
		};
	const keys = [`login-fail:name:${user.toLowerCase()}`, `login-fail:addr:${client}`];
	const failures = await Promise.all(keys.map((k) => counter.count(k, 60_000)));
	if (failures[0] >= LOGIN_FAILURES_PER_NAME || failures[1] >= LOGIN_FAILURES_PER_ADDRESS)
		return {
			ok: false,
			status: 429,
			message: 'Too many attempts. Wait a minute and try again.',
			event: 'login locked out'
		};
	const identity = await checkCredentials(user, form.passcode, config, identities);
	if (!identity) {
		await Promise.all(keys.map((k) => counter.hit(k, 60_000)));
		return { ok: false, status: 401, message: 'Wrong passcode.', event: 'login failed' };
	}
	return { ok: true, user: identity };
}

/**
 * Whether the browser reaches us over https. adapter-node assumes https when ORIGIN is unset,
 * so the scheme of the request URL is not evidence; ORIGIN (or SECURE_COOKIES) is.
 */
export function isHttps(config: Config): boolean {
	return config.SECURE_COOKIES ?? Boolean(config.ORIGIN?.startsWith('https:'));
}

/** Set and cleared with the same attributes, or a browser keeps the old cookie (plain http). */
function cookieOptions(config: Config) {
	return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: isHttps(config) };
}

export function setSessionCookie(cookies: Cookies, value: string, config: Config): void {
	cookies.set(SESSION_COOKIE, value, { ...cookieOptions(config), maxAge: SESSION_TTL_SECONDS });
}

export function clearSessionCookie(cookies: Cookies, config: Config): void {
	cookies.delete(SESSION_COOKIE, cookieOptions(config));
}

/**
 * Only same-origin paths may be a post-login destination (no open redirects). The target is
 * resolved the way a browser would, so tabs, newlines and backslashes cannot smuggle a host in.
 */
/** Control characters (C0 and DEL) or a backslash: browsers treat `\` as `/` in paths. */
function hasControlOrBackslash(text: string): boolean {
	for (const ch of text) {
		const code = ch.charCodeAt(0);
		if (code <= 0x1f || code === 0x7f || ch === '\\') return true;
	}
	return false;
}

export function safeNext(next: string | null): string {
	if (!next || !next.startsWith('/') || hasControlOrBackslash(next)) return '/';
	const base = 'http://playground.invalid';
	let url: URL;
	try {
		url = new URL(next, base);
	} catch {
		return '/';
	}
	return url.origin === base ? url.pathname + url.search + url.hash : '/';
}
