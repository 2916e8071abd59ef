import { log } from '../log';
import type { FileOwners } from './files';

/** A file a code execution tool wrote, as it appears in a result block (whole or streamed). */
const OUTPUT = /"type":"(?:bash_)?code_execution_output","file_id":"(file_[A-Za-z0-9]{1,64})"/g;
/** Enough of the previous chunk to catch a match cut in two. */
const CARRY = 160;
/** In every match: chunks without it (nearly all) are passed over without decoding. */
const MARK = Buffer.from('"file_id"');

/**
 * Watches a Messages answer for files the sandbox wrote and records them as the user's, so the
 * user (and only the user) can then download them through /api/v1/files.
 */
export function outputFileRecorder(owners: () => Promise<FileOwners>, user: string) {
	const seen = new Set<string>();
	let tail: Buffer = Buffer.alloc(0);
	return (chunk: Uint8Array) => {
		const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
		// A match is shorter than CARRY, so one ending in this chunk lies in `tail + bytes`.
		const window = tail.length ? Buffer.concat([tail, bytes]) : bytes;
		tail = Buffer.from(window.subarray(-CARRY));
		if (window.indexOf(MARK) < 0) return;
		// Matches are ASCII: a character cut at the window's start cannot hide one.
		for (const m of window.toString('utf8').matchAll(OUTPUT)) {
			if (seen.has(m[1])) continue;
			seen.add(m[1]);
			// The store is opened only when a tool made a file, not on every answer.
			owners()
				.then((o) => o.recordFileOwner(m[1], user, new Date().toISOString()))
				.catch((e) =>
					log.error('could not record the owner of a tool-made file', {
						fileId: m[1],
						error: String(e)
					})
				);
		}
	};
}
