import { createHash, randomBytes } from 'node:crypto';
import type { Config } from '../config';
import { HttpProblem, randomId } from '../http';
import { cleanUserName } from '../guard/session';
import type { IdentityStore, InviteRecord, Store } from '../store';
import { hasPasscodeLogin, isReservedForSso, listedUser } from './names';
import { SECRET_MAX, SECRET_MIN, hashSecret } from './secrets';

/**
 * Invite links: an admin names a person, the playground makes a one-time link (its token is
 * shown once and stored only as a hash), and whoever opens it before it expires sets that
 * name's own secret. From then on the name signs in only with that secret.
 */

/** 32 random bytes, base64url: what follows `/invite/` in the link. */
const TOKEN_SHAPE = /^[\w-]{43}$/;

export function hashInviteToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

export interface CreatedInvite {
	id: string;
	name: string;
	/** Shown to the admin once; only its hash is stored. */
	token: string;
	expiresAt: string;
}

/** Makes an invite for `rawName`, or refuses (400) a name no invite may set. */
export async function createInvite(
	identities: IdentityStore,
	rawName: string,
	admin: string,
	config: Config,
	now = Date.now()
): Promise<CreatedInvite> {
	if (!hasPasscodeLogin(config))
		throw new HttpProblem(
			'invalid_request_error',
			'Invites need the login page: set PLAYGROUND_USERS (or PLAYGROUND_PASSCODE).'
		);
	const name = cleanUserName(rawName);
	if (!name)
		throw new HttpProblem(
			'invalid_request_error',
			'name: letters, digits, spaces, . _ @ - only; 1 to 64 characters.'
		);
	if (listedUser(name, config))
		throw new HttpProblem(
			'invalid_request_error',
			`name: ${name} is listed in PLAYGROUND_USERS; change their secret there.`
		);
	if (isReservedForSso(name, config))
		throw new HttpProblem(
			'invalid_request_error',
			`name: ${name} is reserved for single sign-on (RESERVED_NAMES).`
		);
	const token = randomBytes(32).toString('base64url');
	const invite = {
		id: 'inv_' + randomId(12),
		tokenHash: hashInviteToken(token),
		name,
		createdBy: admin,
		createdAt: new Date(now).toISOString(),
		expiresAt: new Date(now + config.INVITE_TTL_HOURS * 3_600_000).toISOString()
	};
	await identities.createInvite(invite);
	return { id: invite.id, name, token, expiresAt: invite.expiresAt };
}

const GONE: Record<'used' | 'revoked' | 'expired', string> = {
	used: 'This invite link has already been used. Ask an admin for a new one.',
	revoked: 'This invite link was withdrawn. Ask an admin for a new one.',
	expired: 'This invite link has expired. Ask an admin for a new one.'
};

function unknownInvite(): HttpProblem {
	return new HttpProblem('not_found_error', 'No such invite link: check that it was copied whole.');
}

/** A live invite for the token, or a 404 (unknown, malformed) / 410 (used, withdrawn, expired). */
export async function liveInvite(
	identities: IdentityStore,
	token: string,
	now = Date.now()
): Promise<InviteRecord> {
	if (!TOKEN_SHAPE.test(token)) throw unknownInvite();
	const invite = await identities.findInvite(hashInviteToken(token));
	if (!invite) throw unknownInvite();
	if (invite.usedAt) throw new HttpProblem('not_found_error', GONE.used, 410);
	if (invite.revokedAt) throw new HttpProblem('not_found_error', GONE.revoked, 410);
	if (invite.expiresAt <= new Date(now).toISOString())
		throw new HttpProblem('not_found_error', GONE.expired, 410);
	return invite;
}

/** The secret a member chooses: checked before anything is spent on hashing it. */
export function checkNewSecret(secret: unknown): string {
	if (typeof secret !== 'string')
		throw new HttpProblem('invalid_request_error', 'secret: Field required (a string).');
	if (secret.length < SECRET_MIN || secret.length > SECRET_MAX)
		throw new HttpProblem(
			'invalid_request_error',
			`secret: must be ${SECRET_MIN} to ${SECRET_MAX} characters (got ${secret.length}).`
		);
	return secret;
}

/**
 * Uses the invite and sets the name's secret; returns the member's name. Sessions the name
 * had before (a re-invite resets a forgotten secret) end, so an old cookie cannot linger.
 */
export async function redeemInvite(
	store: Store,
	token: string,
	secret: unknown,
	now = Date.now()
): Promise<string> {
	await liveInvite(store.identities, token, now);
	const hash = await hashSecret(checkNewSecret(secret));
	const at = new Date(now).toISOString();
	const outcome = await store.identities.redeemInvite(hashInviteToken(token), hash, at);
	if (!outcome.ok) {
		if (outcome.reason === 'unknown') throw unknownInvite();
		throw new HttpProblem('not_found_error', GONE[outcome.reason], 410);
	}
	await store.revokeSessions({ user: outcome.name }, at);
	return outcome.name;
}
