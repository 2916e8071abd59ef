import type { Config } from '../config';

/**
 * Who a name belongs to. Names are compared case-insensitively everywhere (`Ada` and `ada` are
 * one person); the identity is the spelling the list or the store holds, never what was typed.
 */

/** Marks a name signed in with the shared passcode. Typed names cannot contain parentheses. */
export const GUEST_SUFFIX = ' (guest)';
/**
 * The one account every guest's limits count against: the shared passcode proves only that
 * someone has it, so a new name must not bring a new budget.
 */
export const GUEST_ACCOUNT = 'guests (shared passcode)';

export function guestIdentity(name: string): string {
	return name + GUEST_SUFFIX;
}

export function isGuest(user: string): boolean {
	return user.endsWith(GUEST_SUFFIX);
}

/** Whose budget, rate and slots a request counts against. */
export function budgetAccount(user: string): string {
	return isGuest(user) ? GUEST_ACCOUNT : user;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** A PLAYGROUND_USERS entry for the name, with the listed spelling and its secret. */
export function listedUser(
	name: string,
	config: Config
): { name: string; secret: string } | undefined {
	for (const [listed, secret] of config.PLAYGROUND_USERS ?? [])
		if (same(listed, name)) return { name: listed, secret };
	return undefined;
}

/** SSO identities (RESERVED_NAMES): no passcode, secret or invite may ever take one. */
export function isReservedForSso(name: string, config: Config): boolean {
	return config.RESERVED_NAMES.some((n) => same(n, name));
}

/** Admin names may be listed or invited, but never taken with the shared passcode. */
export function isAdminName(name: string, config: Config): boolean {
	return config.ADMIN_USERS.some((n) => same(n, name));
}

/** Passcode login is on: someone can sign in on /login (and invites can be redeemed). */
export function hasPasscodeLogin(config: Config): boolean {
	return Boolean(config.PLAYGROUND_PASSCODE || config.PLAYGROUND_USERS);
}
