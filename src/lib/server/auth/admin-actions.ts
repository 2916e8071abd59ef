import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { getConfig } from '../config';
import { isAdmin } from '../guard/admin';
import { HttpProblem } from '../http';
import { log } from '../log';
import { getStore } from '../store';
import { createInvite } from './invites';

/** The /admin page's form actions; the route only names them. */

/** Not an admin: the page does not exist for them. */
export function requireAdmin(user: string): void {
	if (!isAdmin(user, getConfig())) error(404, 'Not found');
}

/** The posted form's text fields; a body that is not a form is an empty one. */
async function fields(request: Request): Promise<(name: string) => string> {
	let data: FormData | null = null;
	try {
		data = await request.formData();
	} catch {
		data = null;
	}
	return (name) => String(data?.get(name) ?? '').slice(0, 256);
}

const now = () => new Date().toISOString();

async function endSessions({ request, locals }: RequestEvent) {
	requireAdmin(locals.user);
	const field = await fields(request);
	const [user, id] = [field('user'), field('id')];
	if (!user && !id) return fail(400, { message: 'Name a user or a session to end.' });
	const by = id ? { idHash: id } : { user };
	const count = await (await getStore()).revokeSessions(by, now());
	log.info('admin ended sessions', { admin: locals.user, user, sessions: count });
	return { endedSessions: { user: user || 'one session', count } };
}

async function revokeToken({ request, locals }: RequestEvent) {
	requireAdmin(locals.user);
	const field = await fields(request);
	const [id, owner] = [field('id'), field('user')];
	if (!(await (await getStore()).revokeApiToken(id, owner, now())))
		return fail(404, { message: 'No such active token.' });
	log.info('admin revoked token', { admin: locals.user, user: owner, tokenId: id });
	return { revokedToken: id };
}

async function invite({ request, locals, url }: RequestEvent) {
	requireAdmin(locals.user);
	const config = getConfig();
	const name = (await fields(request))('name');
	try {
		const made = await createInvite((await getStore()).identities, name, locals.user, config);
		log.info('admin invited', { admin: locals.user, user: made.name, inviteId: made.id });
		// The link is shown this once: only the token's hash is kept.
		const origin = config.ORIGIN ?? url.origin;
		const link = `${origin}/invite/${made.token}`;
		return { invited: { name: made.name, link, expires: made.expiresAt } };
	} catch (e) {
		if (e instanceof HttpProblem) return fail(e.status, { message: e.message, name });
		throw e;
	}
}

async function withdrawInvite({ request, locals }: RequestEvent) {
	requireAdmin(locals.user);
	const id = (await fields(request))('id');
	if (!(await (await getStore()).identities.revokeInvite(id, now())))
		return fail(404, { message: 'No such open invite.' });
	log.info('admin withdrew invite', { admin: locals.user, inviteId: id });
	return { withdrawnInvite: id };
}

export const adminActions = { endSessions, revokeToken, invite, withdrawInvite };
