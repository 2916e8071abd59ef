import { isUtf8 } from 'node:buffer';
import { BATCH_MAX_REQUESTS, BatchRequestSchema } from '$lib/schemas/batches';
import { describeIssues } from '$lib/schemas/issues';
import { HttpProblem } from '../http';
import { estimateInputTokens } from './estimate';

/**
 * A batch create body (up to hundreds of MB) read and checked without stalling the server:
 * the bytes are kept as they came (and forwarded as they are, never re-serialised), scanned in
 * slices with a turn of the event loop between them, and each request is parsed and validated
 * on its own, so no giant object tree is ever built and no single step blocks for long.
 */
export interface CheckedBatch {
	bytes: Uint8Array<ArrayBuffer>;
	requests: number;
	/** Every request's input estimate plus its max_tokens: what the budget must hold. */
	worstCaseTokens: number;
}

const SLICE = 2 * 1024 * 1024;
/** Validating one request takes a fraction of a millisecond; this many stay well under 50 ms. */
const ELEMENTS_PER_TURN = 100;
const yieldToLoop = () => new Promise<void>((r) => setImmediate(r));
const invalid = (message: string) => new HttpProblem('invalid_request_error', message);

const allocate = (n: number): Uint8Array<ArrayBuffer> => {
	const b = Buffer.allocUnsafeSlow(n);
	return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
};

/** Reads a body into one buffer, refusing it past `maxBytes` (declared or counted). */
export async function readBodyBytes(
	request: Request,
	maxBytes: number
): Promise<Uint8Array<ArrayBuffer>> {
	const tooLarge = () =>
		new HttpProblem(
			'request_too_large',
			`Request exceeds the maximum allowed number of bytes (${maxBytes}).`
		);
	const declared = Number(request.headers.get('content-length') ?? NaN);
	if (declared > maxBytes) throw tooLarge();
	if (!request.body) return new Uint8Array(0);
	// One allocation when the size is declared; chunks are copied in as they arrive.
	// Not zero-filled (hundreds of MB of memset would stall the loop); only the filled part is used.
	let out = allocate(Number.isFinite(declared) ? declared : 1024 * 1024);
	let size = 0;
	for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
		if (size + chunk.byteLength > maxBytes) throw tooLarge();
		if (size + chunk.byteLength > out.byteLength) {
			const grown = allocate(
				Math.min(maxBytes, Math.max(out.byteLength * 2, size + chunk.byteLength))
			);
			grown.set(out.subarray(0, size));
			out = grown;
		}
		out.set(chunk, size);
		size += chunk.byteLength;
	}
	return size === out.byteLength ? out : out.slice(0, size);
}

async function checkUtf8(bytes: Uint8Array): Promise<void> {
	for (let start = 0; start < bytes.length;) {
		let end = Math.min(bytes.length, start + SLICE);
		// Cut only before a lead byte, so no character is split between slices.
		while (end < bytes.length && (bytes[end] & 0xc0) === 0x80) end--;
		if (!isUtf8(bytes.subarray(start, end))) throw invalid('request body is not valid UTF-8');
		start = end;
		await yieldToLoop();
	}
}

const QUOTE = 34,
	BACKSLASH = 92,
	OPEN_OBJ = 123,
	CLOSE_OBJ = 125,
	OPEN_ARR = 91,
	CLOSE_ARR = 93,
	COLON = 58;
const isSpace = (b: number) => b === 32 || b === 9 || b === 10 || b === 13;

/**
 * Checks a batch create body and returns its bytes with what the guard needs to know.
 * `onRequest` runs the team's policy on each request's params.
 */
export async function checkBatchBody(
	bytes: Uint8Array<ArrayBuffer>,
	onRequest: (params: { model: string; max_tokens?: number }, index: number) => void
): Promise<CheckedBatch> {
	await checkUtf8(bytes);
	const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let i = 0;
	while (i < buf.length && isSpace(buf[i])) i++;
	if (i === buf.length) throw invalid('request body is empty; expected a JSON object');
	if (buf[i] !== OPEN_OBJ) throw invalid('request body must be a JSON object');

	let depth = 0;
	let inString = false;
	let stringStart = -1;
	let lastKey = '';
	let inRequests = false;
	let sawRequests = false;
	let elementStart = -1;
	let count = 0;
	let worst = 0;
	const seen = new Set<string>();

	const takeElement = (start: number, end: number) => {
		let item: unknown;
		try {
			item = JSON.parse(buf.toString('utf8', start, end));
		} catch {
			throw invalid(`requests.${count}: not valid JSON`);
		}
		const parsed = BatchRequestSchema.safeParse(item);
		if (!parsed.success) {
			throw invalid(describeIssues(parsed.error, ['requests', count]));
		}
		if (seen.has(parsed.data.custom_id))
			throw invalid(`requests.${count}.custom_id: duplicate custom_id "${parsed.data.custom_id}"`);
		seen.add(parsed.data.custom_id);
		onRequest(parsed.data.params, count);
		worst += estimateInputTokens(parsed.data.params) + parsed.data.params.max_tokens;
		count++;
		if (count > BATCH_MAX_REQUESTS)
			throw invalid(`requests: a batch holds at most ${BATCH_MAX_REQUESTS} requests`);
	};

	while (i < buf.length) {
		// A slice ends after SLICE bytes or ELEMENTS_PER_TURN requests, whichever comes first.
		const stop = Math.min(buf.length, i + SLICE);
		const countAtStart = count;
		for (; i < stop && count - countAtStart < ELEMENTS_PER_TURN; i++) {
			const b = buf[i];
			if (inString) {
				if (b === BACKSLASH) i++;
				else if (b === QUOTE) {
					inString = false;
					if (depth === 1) lastKey = buf.toString('utf8', stringStart + 1, i);
				}
				continue;
			}
			if (b === QUOTE) {
				inString = true;
				stringStart = i;
			} else if (b === OPEN_OBJ || b === OPEN_ARR) {
				if (depth === 1 && b === OPEN_ARR && lastKey === 'requests')
					inRequests = sawRequests = true;
				else if (depth === 2 && inRequests) {
					if (b !== OPEN_OBJ) throw invalid(`requests.${count}: must be an object`);
					elementStart = i;
				}
				depth++;
				if (depth > 64) throw invalid('request body is nested more than 64 levels deep');
			} else if (b === CLOSE_OBJ || b === CLOSE_ARR) {
				depth--;
				if (depth === 2 && inRequests && elementStart >= 0) {
					takeElement(elementStart, i + 1);
					elementStart = -1;
				} else if (depth === 1 && inRequests) inRequests = false;
				else if (
					depth === 0 &&
					i !== buf.length - 1 &&
					buf.subarray(i + 1).some((x) => !isSpace(x))
				)
					throw invalid('request body is not valid JSON: text after the object');
			} else if (depth === 1 && b === COLON && lastKey !== 'requests') {
				// Another top-level key: its value is skipped by the same scan.
			} else if (depth === 2 && inRequests && !isSpace(b) && b !== 44) {
				throw invalid(`requests.${count}: must be an object`);
			}
		}
		await yieldToLoop();
	}
	if (depth !== 0 || inString) throw invalid('request body is not valid JSON: it ends too early');
	if (!sawRequests) throw invalid('requests: Invalid input: expected array, received undefined');
	if (count === 0) throw invalid('requests: requests must not be empty');
	return { bytes, requests: count, worstCaseTokens: worst };
}
