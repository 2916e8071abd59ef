/**
 * Picks a few named events out of an SSE byte stream without decoding the rest: the usage tap
 * needs `message_start` and `message_delta`, while nearly every byte of a stream is content
 * deltas. Lines are split on bytes (CRLF, LF or CR, as the SSE spec and eventsource-parser do),
 * kept as slices of the chunks they came in, and only a wanted event's data is decoded, when
 * its blank line dispatches it.
 */
export interface SseEvent {
	event: string;
	data: string;
}

const LF = 10;
const CR = 13;
const COLON = 58;
const SPACE = 32;
const EVENT = Buffer.from('event');
const DATA = Buffer.from('data');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Does the line `bytes[from, to)` set the field `name` (`name:...`, or the bare name)? */
function isField(bytes: Buffer, from: number, to: number, name: Buffer): boolean {
	const n = name.length;
	if (to - from < n || (to - from > n && bytes[from + n] !== COLON)) return false;
	for (let i = 0; i < n; i++) if (bytes[from + i] !== name[i]) return false;
	return true;
}

/** Where a field's value starts in the line `bytes[from, to)`: after the colon, less one space. */
function valueStart(bytes: Buffer, from: number, to: number, name: Buffer): number {
	const at = from + name.length + 1;
	return bytes[at] === SPACE && at < to ? at + 1 : Math.min(at, to);
}

/** The wanted name `bytes[from, to)` is, or null (another name); no string is made. */
function wantedName(bytes: Buffer, from: number, to: number, names: readonly [string, Buffer][]) {
	const length = to - from;
	for (const [name, wanted] of names) {
		if (wanted.length !== length) continue;
		let i = 0;
		while (i < length && bytes[from + i] === wanted[i]) i++;
		if (i === length) return name;
	}
	return null;
}

export function sseEventScanner(
	wanted: ReadonlySet<string>,
	{ onEvent }: { onEvent: (e: SseEvent) => void }
) {
	/** The current line's bytes from earlier chunks. */
	let parts: Buffer[] = [];
	/** The last chunk ended in CR: an LF first in the next one ends the same line. */
	let afterCr = false;
	/** The stream's first bytes, until they are known not to be a BOM. */
	let bomCheck: Buffer | undefined = Buffer.alloc(0);
	const names = [...wanted].map((name) => [name, Buffer.from(name)] as [string, Buffer]);
	/**
	 * The current event's name: unset (the spec's `message`), a wanted name, or null for any
	 * other; and its data lines.
	 */
	let event: string | null | undefined;
	let data: Buffer[] = [];

	function dispatch() {
		const name = event === undefined ? (wanted.has('message') ? 'message' : null) : event;
		const lines = data;
		event = undefined;
		data = [];
		if (lines.length === 0 || name === null) return;
		onEvent({ event: name, data: lines.map((b) => b.toString('utf8')).join('\n') });
	}

	/**
	 * One line, `bytes[from, to)`, read in place: only a data line's value is kept (a view, no
	 * copy), so the many lines of content deltas make no objects at all.
	 */
	function endLine(bytes: Buffer, from: number, to: number) {
		if (to === from) dispatch();
		else if (isField(bytes, from, to, DATA))
			data.push(bytes.subarray(valueStart(bytes, from, to, DATA), to));
		else if (isField(bytes, from, to, EVENT)) {
			const at = valueStart(bytes, from, to, EVENT);
			// An empty name is the spec's `message` too.
			event = at === to ? undefined : wantedName(bytes, at, to, names);
		}
		// Comments (`:`), id, retry and unknown fields say nothing about usage.
	}

	/** Ends the line that runs up to `to`: in place, or joined with its start from earlier chunks. */
	function lineFrom(bytes: Buffer, from: number, to: number) {
		if (parts.length === 0) return endLine(bytes, from, to);
		parts.push(bytes.subarray(from, to));
		const line = Buffer.concat(parts);
		parts = [];
		endLine(line, 0, line.length);
	}

	return {
		feed(chunk: Uint8Array) {
			let bytes = Buffer.isBuffer(chunk)
				? chunk
				: Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
			if (bomCheck) {
				// A leading BOM is not part of the first line (TextDecoder drops it too).
				if (bomCheck.length) bytes = Buffer.concat([bomCheck, bytes]);
				const n = Math.min(bytes.length, BOM.length);
				if (bytes.compare(BOM, 0, n, 0, n) === 0) {
					if (n < BOM.length) return void (bomCheck = bytes);
					bytes = bytes.subarray(BOM.length);
				}
				bomCheck = undefined;
			}
			if (bytes.length === 0) return;
			let from = 0;
			if (afterCr) {
				afterCr = false;
				if (bytes[0] === LF) from = 1;
			}
			// Native searches, not a loop over every byte; a stream without CR looks for one once.
			let cr = bytes.indexOf(CR, from);
			while (from < bytes.length) {
				if (cr >= 0 && cr < from) cr = bytes.indexOf(CR, from);
				const lf = bytes.indexOf(LF, from);
				const end = cr >= 0 && (lf < 0 || cr < lf) ? cr : lf;
				if (end < 0) break;
				lineFrom(bytes, from, end);
				from = end + 1;
				if (end === cr) {
					if (from === bytes.length) afterCr = true;
					else if (bytes[from] === LF) from++;
				}
			}
			if (from < bytes.length) parts.push(bytes.subarray(from));
		}
	};
}
