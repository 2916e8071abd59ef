// POST /api/v1/messages/count_tokens (the SDK's `client.messages.countTokens`).
import type { z } from 'zod';
import type { CountTokensResponseSchema } from '$lib/schemas';
import { sendJson, type CallOptions } from './transport';

export type TokenCount = z.infer<typeof CountTokensResponseSchema>;

/** Input tokens the prompt fields of `body` would use. */
export function countTokens(
	body: Record<string, unknown>,
	options: CallOptions = {}
): Promise<TokenCount> {
	return sendJson<TokenCount>('POST', '/api/v1/messages/count_tokens', body, options);
}
