import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * A member's own secret, kept as a salted scrypt hash: `scrypt$N$r$p$salt$hash` (base64url).
 * scrypt runs on libuv's thread pool, so hashing never blocks the event loop.
 */
const PARAMS = { N: 16384, r: 8, p: 1 };
const KEY_BYTES = 32;

/** What a member may choose: long enough to resist guessing, short enough to hash cheaply. */
export const SECRET_MIN = 12;
export const SECRET_MAX = 256;

function derive(secret: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
	return new Promise((resolve, reject) =>
		scrypt(secret, salt, KEY_BYTES, { ...opts, maxmem: 64 * 1024 * 1024 }, (e, key) =>
			e ? reject(e) : resolve(key)
		)
	);
}

export async function hashSecret(secret: string): Promise<string> {
	const salt = randomBytes(16);
	const key = await derive(secret, salt, PARAMS);
	const { N, r, p } = PARAMS;
	return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** False for a wrong secret and for a stored hash this code did not write. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
	const [scheme, n, r, p, salt, hash] = stored.split('$');
	if (scheme !== 'scrypt' || !salt || !hash) return false;
	const opts = { N: Number(n), r: Number(r), p: Number(p) };
	if (![opts.N, opts.r, opts.p].every(Number.isSafeInteger)) return false;
	const expected = Buffer.from(hash, 'base64url');
	if (expected.length !== KEY_BYTES) return false;
	try {
		return timingSafeEqual(await derive(secret, Buffer.from(salt, 'base64url'), opts), expected);
	} catch {
		return false;
	}
}

let decoy: Promise<string> | undefined;
/**
 * A hash of a random secret nobody knows, made once. Checking a name that has no stored secret
 * against it costs the same scrypt as a member's check, so timing does not tell members apart.
 */
export function decoyHash(): Promise<string> {
	decoy ??= hashSecret(randomBytes(32).toString('base64url'));
	return decoy;
}
