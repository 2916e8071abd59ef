import { createHash } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** JSON with object keys sorted at every level, so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
	return JSON.stringify(value, (_key, v) =>
		v && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(
					Object.keys(v)
						.sort()
						.map((k) => [k, (v as Record<string, unknown>)[k]])
				)
			: v
	);
}

/** A 10-character base62 id from the sha-256 of the content (~59 bits: collisions are not a concern here). */
export function contentId(content: unknown, length = 10): string {
	let n = BigInt('0x' + createHash('sha256').update(canonicalJson(content)).digest('hex'));
	let out = '';
	for (let i = 0; i < length; i++) {
		out += BASE62[Number(n % 62n)];
		n /= 62n;
	}
	return out;
}
