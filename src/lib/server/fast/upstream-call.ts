import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { getConfig } from '../config';
import { scrubText } from '../gateway/scrub';
import { log } from '../log';
import { getUpstream, type UpstreamRequest } from '../upstream';
import type { Exchange } from './exchange';
import { answerHeadersOf, sendOverWire, type AnswerHeaders, type WireReply } from './wire';

/**
 * Sends a validated call upstream for the fast path. A networked upstream gets the SDK's bytes
 * over node:http (wire.ts); the in-process simulator is called as the Kit route calls it (its
 * answer is a web stream, read here as a node one: it is a demo backend, not the hot path).
 */
export async function callUpstream(
	x: Exchange,
	call: Omit<UpstreamRequest, 'signal' | 'body'> & { body?: string }
): Promise<WireReply> {
	const upstream = getUpstream();
	if (upstream.wire) return sendOverWire({ ...upstream, wire: upstream.wire }, call, x);
	const response = await upstream.send({ ...call, signal: x.signal });
	const body = response.body ? Readable.fromWeb(response.body as NodeWebStream) : null;
	return { status: response.status, headers: answerHeadersOf(response.headers), body };
}

/** The answer's headers as forward.ts sends them: nothing that carries the key, and who answered. */
export function answerHeaders(x: Exchange, reply: WireReply, path: string): AnswerHeaders {
	const secret = getConfig().ANTHROPIC_API_KEY;
	// Our own copy already (wire.ts and the in-process path both build a fresh one).
	const headers = reply.headers;
	for (const name in headers)
		if (scrubText(headers[name], secret) !== headers[name]) delete headers[name];
	headers['x-upstream'] = getUpstream().kind;
	if (reply.status >= 500)
		log.warn('upstream error', { requestId: x.requestId, path, status: reply.status });
	return headers;
}
