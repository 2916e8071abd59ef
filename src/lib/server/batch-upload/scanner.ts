import { isUtf8 } from 'node:buffer';
import { BATCH_MAX_REQUESTS, BatchRequestSchema } from '$lib/schemas/batches';
import { describeIssues } from '$lib/schemas/issues';
import { HttpProblem } from '../http';
import { estimateInputTokens } from '../guard/estimate';

/**
 * A batch create body checked as it arrives, a chunk at a time, keeping only the request being
 * read: memory stays at one request however large the batch. Each request is parsed and
 * validated on its own (no giant object tree is built); the rest of the envelope is only
 * scanned, and the upstream sees the client's bytes unchanged.
 */
export interface BatchSummary {
	requests: number;
	/** Every request's input estimate plus its max_tokens: what the budget must hold. */
	worstCaseTokens: number;
}

/** The team's policy on one request's params (throws an HttpProblem to refuse it). */
export type RequestCheck = (params: { model: string; max_tokens?: number }, index: number) => void;

export interface BatchScanner {
	/**
	 * Checks the next bytes of the body; throws an HttpProblem naming the first bad request.
	 * Keeps no reference to `chunk` (the caller may reuse it).
	 */
	push(chunk: Uint8Array): void;
	/** The body is complete: throws if it ended early or holds no requests. */
	end(): BatchSummary;
}

const QUOTE = 34,
	BACKSLASH = 92,
	COMMA = 44,
	OPEN_OBJ = 123,
	CLOSE_OBJ = 125,
	OPEN_ARR = 91,
	CLOSE_ARR = 93;
const MAX_DEPTH = 64;
/** Top-level keys longer than this are not `requests`: no need to keep their bytes. */
const KEY_BYTES = 16;
const REQUESTS_KEY = 'requests';
const isSpace = (b: number) => b === 32 || b === 9 || b === 10 || b === 13;
const invalid = (message: string) => new HttpProblem('invalid_request_error', message);

/** UTF-8 checked chunk by chunk; a character split between chunks waits for its last bytes. */
function utf8Checker() {
	let carry = new Uint8Array(0);
	return {
		push(chunk: Uint8Array) {
			const data = carry.length ? Buffer.concat([carry, chunk]) : chunk;
			let lead = data.length - 1;
			while (lead >= 0 && data.length - lead < 4 && (data[lead] & 0xc0) === 0x80) lead--;
			let cut = data.length;
			if (lead >= 0 && data[lead] >= 0xc0) {
				const need = data[lead] >= 0xf0 ? 4 : data[lead] >= 0xe0 ? 3 : 2;
				if (data.length - lead < need) cut = lead;
			}
			if (!isUtf8(data.subarray(0, cut))) throw invalid('request body is not valid UTF-8');
			carry = data.slice(cut);
		},
		end() {
			if (carry.length) throw invalid('request body is not valid UTF-8');
		}
	};
}

export function batchScanner(onRequest: RequestCheck, maxRequestBytes: number): BatchScanner {
	const utf8 = utf8Checker();
	let started = false;
	let finished = false;
	let depth = 0;
	let inString = false;
	let escaped = false;
	// A top-level string (key or value): its first bytes, to know when `requests` is next.
	let keyBytes: number[] | null = null;
	let lastKey = '';
	let inRequests = false;
	let sawRequests = false;
	// The request being read: its earlier pieces, and where it starts in the current chunk.
	let pieces: Uint8Array[] | null = null;
	let pieceStart = 0;
	let requestBytes = 0;
	let count = 0;
	let worst = 0;
	const seen = new Set<string>();

	const tooLarge = () =>
		invalid(`requests.${count}: a request in a batch may be at most ${maxRequestBytes} bytes`);

	function takeRequest(bytes: Uint8Array) {
		if (bytes.length > maxRequestBytes) throw tooLarge();
		let item: unknown;
		try {
			item = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString());
		} catch {
			throw invalid(`requests.${count}: not valid JSON`);
		}
		const parsed = BatchRequestSchema.safeParse(item);
		if (!parsed.success) {
			throw invalid(describeIssues(parsed.error, ['requests', count]));
		}
		const { custom_id: id, params } = parsed.data;
		if (seen.has(id)) throw invalid(`requests.${count}.custom_id: duplicate custom_id "${id}"`);
		seen.add(id);
		onRequest(params, count);
		worst += estimateInputTokens(params) + params.max_tokens;
		count++;
		if (count > BATCH_MAX_REQUESTS)
			throw invalid(`requests: a batch holds at most ${BATCH_MAX_REQUESTS} requests`);
	}

	/** One byte outside any string; `i` is its index in `chunk`. */
	function structural(b: number, chunk: Uint8Array, i: number) {
		if (depth === 2 && inRequests) {
			// Between the requests: only objects, commas and the closing bracket.
			if (isSpace(b) || b === COMMA) return;
			if (b === CLOSE_ARR) {
				depth = 1;
				inRequests = false;
				return;
			}
			if (b !== OPEN_OBJ) throw invalid(`requests.${count}: must be an object`);
			pieces = [];
			pieceStart = i;
			requestBytes = 0;
			depth = 3;
			return;
		}
		if (b === QUOTE) {
			inString = true;
			if (depth === 1) keyBytes = [];
		} else if (b === OPEN_OBJ || b === OPEN_ARR) {
			if (depth === 1 && b === OPEN_ARR && lastKey === REQUESTS_KEY)
				inRequests = sawRequests = true;
			depth++;
			if (depth > MAX_DEPTH)
				throw invalid(`request body is nested more than ${MAX_DEPTH} levels deep`);
		} else if (b === CLOSE_OBJ || b === CLOSE_ARR) {
			depth--;
			if (depth === 2 && pieces) {
				pieces.push(chunk.subarray(pieceStart, i + 1));
				const whole = pieces.length === 1 ? pieces[0] : Buffer.concat(pieces);
				pieces = null;
				takeRequest(whole);
			} else if (depth === 0) finished = true;
		}
	}

	return {
		push(chunk) {
			utf8.push(chunk);
			for (let i = 0; i < chunk.length; i++) {
				const b = chunk[i];
				if (finished) {
					if (!isSpace(b)) throw invalid('request body is not valid JSON: text after the object');
				} else if (!started) {
					if (isSpace(b)) continue;
					if (b !== OPEN_OBJ) throw invalid('request body must be a JSON object');
					started = true;
					depth = 1;
				} else if (inString) {
					if (escaped) escaped = false;
					else if (b === BACKSLASH) escaped = true;
					else if (b === QUOTE) {
						inString = false;
						if (keyBytes) lastKey = String.fromCharCode(...keyBytes);
						keyBytes = null;
					} else if (keyBytes && keyBytes.length <= KEY_BYTES) keyBytes.push(b);
				} else structural(b, chunk, i);
			}
			if (pieces) {
				const rest = chunk.subarray(pieceStart);
				requestBytes += rest.length;
				if (requestBytes > maxRequestBytes) throw tooLarge();
				pieces.push(rest.slice());
				pieceStart = 0;
			}
		},
		end() {
			utf8.end();
			if (!started) throw invalid('request body is empty; expected a JSON object');
			if (!finished) throw invalid('request body is not valid JSON: it ends too early');
			if (!sawRequests)
				throw invalid('requests: Invalid input: expected array, received undefined');
			if (count === 0) throw invalid('requests: requests must not be empty');
			return { requests: count, worstCaseTokens: worst };
		}
	};
}
