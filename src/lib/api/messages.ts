// POST /api/v1/messages (like the SDK's `client.messages`).
import type { Message } from '$lib/schemas';
import { postRaw, readJson, type CallOptions } from './transport';

/** A request body as the editor holds it (validated by the server; the editor lints it first). */
export type MessageBody = Record<string, unknown>;

const PATH = '/api/v1/messages';

/** Starts a streamed request; the 2xx response's body is the raw SSE byte stream. */
export function stream(body: MessageBody, options: CallOptions = {}): Promise<Response> {
	return postRaw(PATH, { ...body, stream: true }, options);
}

/** Sends a non-streaming request and returns the raw 2xx response (to keep its exact bytes). */
export function createRaw(body: MessageBody, options: CallOptions = {}): Promise<Response> {
	return postRaw(PATH, { ...body, stream: false }, options);
}

/** Sends a non-streaming request and returns the Message. */
export async function create(body: MessageBody, options: CallOptions = {}): Promise<Message> {
	return readJson<Message>(await createRaw(body, options));
}
