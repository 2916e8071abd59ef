import { log } from '../log';
import type { FileOwners } from './files';

/** A file a code execution tool wrote, as it appears in a result block (whole or streamed). */
const OUTPUT = /"type":"(?:bash_)?code_execution_output","file_id":"(file_[A-Za-z0-9]{1,64})"/g;
/** Enough of the previous chunk to catch a match cut in two. */
const CARRY = 160;

/**
 * Watches a Messages answer for files the sandbox wrote and records them as the user's, so the
 * user (and only the user) can then download them through /api/v1/files.
 */
export function outputFileRecorder(owners: () => Promise<FileOwners>, user: string) {
	const decoder = new TextDecoder();
	const seen = new Set<string>();
	let tail = '';
	return (chunk: Uint8Array) => {
		const text = tail + decoder.decode(chunk, { stream: true });
		for (const m of text.matchAll(OUTPUT)) {
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
		tail = text.slice(-CARRY);
	};
}
