import { createHash, randomBytes } from 'node:crypto';
import type { Handle } from '@sveltejs/kit';
import { apiError } from '../http';
import { getStore, type Store } from '../store';

/** Playground tokens look like `mpg_<32 base62>`, so they are never mistaken for Anthropic keys. */
export const TOKEN_PREFIX = 'mpg_';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

function randomBase62(length: number): string {
	return Array.from(randomBytes(length), (b) => ALPHABET[b % ALPHABET.length]).join('');
}

export interface CreatedToken {
	id: string;
	name: string;
	/** Shown once; only its hash is stored. */
	token: string;
}

export async function createApiToken(
	store: Store,
	user: string,
	name: string
): Promise<CreatedToken> {
	const token = TOKEN_PREFIX + randomBase62(32);
	const id = 'tok_' + randomBase62(12);
	await store.createApiToken({
		id,
		user,
		name,
		hash: hashToken(token),
		createdAt: new Date().toISOString()
	});
	return { id, name, token };
}

/** The credential an SDK sends: `x-api-key`, or `authorization: Bearer` (newer SDKs). */
function presentedToken(headers: Headers): string | null {
	const key = headers.get('x-api-key');
	if (key) return key.trim();
	const auth = headers.get('authorization');
	const bearer = auth && /^Bearer\s+(.+)$/i.exec(auth);
	return bearer ? bearer[1].trim() : null;
}

/**
 * Team scripts call `/api` with a playground token in place of an Anthropic key; a valid one
 * names the user. A wrong playground token is refused here; anything else is left to the gate.
 */
export const apiTokenAuth: Handle = async ({ event, resolve }) => {
	if (!event.url.pathname.startsWith('/api/')) return resolve(event);
	const token = presentedToken(event.request.headers);
	if (token?.startsWith(TOKEN_PREFIX)) {
		const record = await (await getStore()).findApiToken(hashToken(token));
		if (!record)
			return apiError('authentication_error', 'invalid or revoked playground API token', {
				requestId: event.locals.requestId
			});
		event.locals.tokenUser = record.user;
	}
	return resolve(event);
};
