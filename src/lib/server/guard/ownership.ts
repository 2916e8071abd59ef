import { getConfig, type Config } from '../config';
import { HttpProblem } from '../http';
import { isGateOn } from './identity';

/**
 * Who may see or change a stored thing (a batch, a file, a saved prompt, an API token).
 * With the gate on, only its owner, or anyone when it is shared explicitly. With the gate off
 * there are no identities to tell apart, so everyone is the same user.
 */
export interface Owned {
	/** The user name that created it (the store's created_by / user_id). */
	owner: string;
	/** Shared explicitly by its owner (read access for everyone signed in). */
	shared?: boolean;
}

export type Access = 'read' | 'write';

export function ownershipEnforced(config: Config = getConfig()): boolean {
	return isGateOn(config);
}

export function canAccess(
	thing: Owned | undefined,
	user: string,
	access: Access = 'read',
	config: Config = getConfig()
): boolean {
	if (!ownershipEnforced(config)) return true;
	if (!thing) return false;
	if (thing.owner === user) return true;
	return access === 'read' && thing.shared === true;
}

/**
 * Throws a 404 in the API's error shape unless `user` may access `thing`: someone else's
 * thing is reported exactly like a missing one, so ids cannot be probed.
 */
export function assertAccess(
	thing: Owned | undefined,
	user: string,
	what: { kind: string; id: string },
	access: Access = 'read',
	config: Config = getConfig()
): void {
	if (!canAccess(thing, user, access, config))
		throw new HttpProblem('not_found_error', `No ${what.kind} with id ${JSON.stringify(what.id)}`);
}

/** Keeps the items `user` may see (lists). */
export function visibleTo<T>(
	items: readonly T[],
	ownerOf: (item: T) => Owned | undefined,
	user: string,
	config: Config = getConfig()
): T[] {
	return items.filter((item) => canAccess(ownerOf(item), user, 'read', config));
}
