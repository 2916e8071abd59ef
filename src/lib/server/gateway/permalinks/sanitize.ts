/**
 * Permalinks are public to anyone with the link, so nothing secret may go in: fields named like
 * credentials are dropped wherever they appear, and key-shaped strings (or the server's own
 * secrets, wherever they were pasted) are replaced.
 */
const SECRET_NAMES = [
	'x-api-key',
	'api[-_]?key',
	'anthropic[-_]api[-_]key',
	'authorization',
	'proxy-authorization',
	'cookie',
	'set-cookie',
	'x-auth-token',
	'auth[-_]?token',
	'access[-_]?token',
	'password',
	'passcode'
];
const SECRET_FIELD = new RegExp(`^(${SECRET_NAMES.join('|')})$`, 'i');
const KEY_SHAPED = /sk-ant-[A-Za-z0-9_-]{6,}/g;
export const REDACTED = '[redacted]';

export function stripSecrets<T>(value: T, secrets: readonly string[]): T {
	return strip(
		value,
		secrets.filter((s) => s.length >= 8)
	) as T;
}

function strip(value: unknown, secrets: readonly string[]): unknown {
	if (typeof value === 'string') {
		let out = value.replace(KEY_SHAPED, REDACTED);
		for (const s of secrets) out = out.split(s).join(REDACTED);
		return out;
	}
	if (Array.isArray(value)) return value.map((v) => strip(v, secrets));
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value)
				.filter(([k]) => !SECRET_FIELD.test(k))
				.map(([k, v]) => [k, strip(v, secrets)])
		);
	}
	return value;
}
