import { getConfig } from '../config';

const REDACTED = '[redacted]';

/** The server's secrets that must never reach a client, whatever upstream echoes back. */
export function serverSecrets(): string[] {
	const c = getConfig();
	return [c.ANTHROPIC_API_KEY, c.PLAYGROUND_PASSCODE, c.SESSION_SECRET].filter((s): s is string => !!s && s.length >= 8);
}

/** Drops any header whose name or value carries a secret. */
export function scrubHeaders(headers: Headers, secrets = serverSecrets()): Headers {
	if (secrets.length === 0) return headers;
	for (const [name, value] of [...headers])
		if (secrets.some((s) => value.includes(s) || name.includes(s))) headers.delete(name);
	return headers;
}

/** How many bytes at the end of `buf` are the start of `secret` (a secret split across chunks). */
function partialTail(buf: Buffer, secret: Buffer): number {
	for (let n = Math.min(secret.length - 1, buf.length); n > 0; n--)
		if (buf.subarray(buf.length - n).equals(secret.subarray(0, n))) return n;
	return 0;
}

/**
 * Replaces secrets in a byte stream as it passes. Only bytes that might begin a secret are held
 * back between chunks (an SSE event ends in a newline, so events are never delayed).
 */
export function byteScrubber(secrets = serverSecrets()) {
	const needles = secrets.map((s) => Buffer.from(s));
	const replacement = Buffer.from(REDACTED);
	let held = Buffer.alloc(0);
	const clean = (buf: Buffer) => {
		for (const needle of needles) {
			let at = buf.indexOf(needle);
			while (at !== -1) {
				buf = Buffer.concat([buf.subarray(0, at), replacement, buf.subarray(at + needle.length)]);
				at = buf.indexOf(needle, at + replacement.length);
			}
		}
		return buf;
	};
	return {
		active: needles.length > 0,
		push(chunk: Uint8Array): Uint8Array {
			if (needles.length === 0) return chunk;
			const buf = clean(held.length ? Buffer.concat([held, chunk]) : Buffer.from(chunk));
			const keep = Math.max(...needles.map((n) => partialTail(buf, n)));
			held = Buffer.from(buf.subarray(buf.length - keep));
			return buf.subarray(0, buf.length - keep);
		},
		end(): Uint8Array {
			const rest = held;
			held = Buffer.alloc(0);
			return rest;
		}
	};
}

export function scrubText(text: string, secrets = serverSecrets()): string {
	let out = text;
	for (const s of secrets) out = out.split(s).join(REDACTED);
	return out;
}
