/**
 * The server's API key must never reach a client, even if an upstream answer echoes it (an
 * error quoting a header, a debug endpoint). Answers of endpoints we do not model pass
 * through these before they leave.
 */
export const REDACTED_KEY = '[redacted]';

/**
 * Real keys are long; a placeholder like `x` (tests, benches) is no secret, and replacing every
 * `x` would corrupt every answer. The permalink sanitizer uses the same floor.
 */
const MIN_SECRET_LENGTH = 8;
const isSecret = (secret: string | undefined): secret is string =>
	!!secret && secret.length >= MIN_SECRET_LENGTH;

export function scrubText(text: string, secret: string | undefined): string {
	return isSecret(secret) ? text.split(secret).join(REDACTED_KEY) : text;
}

/** Length of the longest end of `bytes` that is a proper start of `secret`. */
function partialMatchAtEnd(bytes: Uint8Array, secret: Uint8Array): number {
	for (let n = Math.min(secret.length - 1, bytes.length); n > 0; n--) {
		let match = true;
		for (let i = 0; i < n && match; i++) match = bytes[bytes.length - n + i] === secret[i];
		if (match) return n;
	}
	return 0;
}

/** Replaces the secret in bytes arriving in chunks; what a chunk's end may begin is held back. */
export interface ByteScrubber {
	push(chunk: Uint8Array): Buffer;
	/** What was held back at the end (it was not the secret after all). */
	flush(): Buffer;
}

/**
 * Replaces the secret in chunks of bytes, even when it is split across two. Only a chunk
 * ending in what could be the start of the secret is held back (until the next chunk says),
 * so streams keep their timing. Chunks without any of it go on as they came (no copy).
 */
const REPLACEMENT = Buffer.from(REDACTED_KEY);
const NONE = Buffer.alloc(0);
/** The secret's bytes, made once per key rather than once per answer. */
let needleFor: { secret: string; bytes: Buffer } | undefined;

export function byteScrubber(secret: string): ByteScrubber {
	if (needleFor?.secret !== secret) needleFor = { secret, bytes: Buffer.from(secret) };
	const needle = needleFor.bytes;
	let carry: Buffer = NONE;
	return {
		push(chunk) {
			const bytes = Buffer.isBuffer(chunk)
				? chunk
				: Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
			let data = carry.length ? Buffer.concat([carry, bytes]) : bytes;
			const parts: Buffer[] = [];
			for (let at = data.indexOf(needle); at >= 0; at = data.indexOf(needle)) {
				parts.push(data.subarray(0, at), REPLACEMENT);
				data = data.subarray(at + needle.length);
			}
			const keep = partialMatchAtEnd(data, needle);
			carry = keep ? Buffer.from(data.subarray(data.length - keep)) : NONE;
			const rest = keep ? data.subarray(0, data.length - keep) : data;
			return parts.length ? Buffer.concat([...parts, rest]) : rest;
		},
		flush() {
			const held = carry;
			carry = NONE;
			return held;
		}
	};
}

/** `byteScrubber` over a web stream (the Kit routes); a no-op when there is no real secret. */
export function scrubStream(
	body: ReadableStream<Uint8Array>,
	secret: string | undefined
): ReadableStream<Uint8Array> {
	if (!isSecret(secret)) return body;
	const scrubber = byteScrubber(secret);
	const enqueue = (out: Buffer, controller: TransformStreamDefaultController<Uint8Array>) => {
		if (out.length) controller.enqueue(new Uint8Array(out.buffer, out.byteOffset, out.byteLength));
	};
	return body.pipeThrough(
		new TransformStream<Uint8Array, Uint8Array>({
			transform: (chunk, controller) => enqueue(scrubber.push(chunk), controller),
			flush: (controller) => enqueue(scrubber.flush(), controller)
		})
	);
}

/** The scrubber for the configured key, or none when there is no real secret to hide. */
export function scrubberFor(secret: string | undefined): ByteScrubber | undefined {
	return isSecret(secret) ? byteScrubber(secret) : undefined;
}
