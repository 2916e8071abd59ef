import type { BatchResultLine } from '$lib/schemas';
import { HttpProblem, errorBody } from '../http';
import { parseMessageRequest } from './parse';
import { planMessage, type SimContext } from './messages';
import type { BatchProgress } from './batches-progress';
import type { StoredRequest } from './batches-store';

/** What a request's params produce: the message, or the error envelope an errored result carries. */
export function runRequest(params: unknown, ctx: SimContext): BatchResultLine['result'] {
	try {
		const message = planMessage(parseMessageRequest(params, ctx.version), ctx);
		return {
			type: 'succeeded',
			message: { ...message, usage: { ...message.usage, service_tier: 'batch' } }
		};
	} catch (e) {
		if (!(e instanceof HttpProblem)) throw e;
		// The API's errored results carry `request_id: null` inside the envelope.
		return { type: 'errored', error: { ...errorBody(e.type, e.message), request_id: null } };
	}
}

function resultFor(
	stored: StoredRequest,
	index: number,
	progress: BatchProgress,
	ctx: SimContext
): BatchResultLine['result'] {
	if (index >= progress.finished)
		return { type: progress.endReason === 'expired' ? 'expired' : 'canceled' };
	if (stored.error)
		return {
			type: 'errored',
			error: stored.error as Extract<BatchResultLine['result'], { type: 'errored' }>['error']
		};
	return runRequest(stored.params, ctx);
}

/** Lines are gathered into chunks of about this size: fewer, larger writes, still flat memory. */
const CHUNK_BYTES = 64 * 1024;

/**
 * The JSONL results of an ended batch, generated while the stored requests are read, in
 * request order (stable; clients match by custom_id anyway). Only one chunk exists at a time,
 * and nothing is generated until the reader pulls, so memory stays flat for any batch size.
 */
export function resultsStream(
	source: { lines: AsyncIterator<string>; close(): void },
	progress: BatchProgress,
	ctx: SimContext
): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	let index = 0;
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			let chunk = '';
			while (chunk.length < CHUNK_BYTES) {
				const next = await source.lines.next();
				if (next.done) break;
				if (next.value === '') continue;
				const stored = JSON.parse(next.value) as StoredRequest;
				const line: BatchResultLine = {
					custom_id: stored.custom_id,
					result: resultFor(stored, index++, progress, ctx)
				};
				chunk += JSON.stringify(line) + '\n';
			}
			if (chunk) controller.enqueue(encoder.encode(chunk));
			else {
				source.close();
				controller.close();
			}
		},
		cancel() {
			source.close();
		}
	});
}
