/**
 * A cheap, deliberately generous estimate of a request's input tokens, for the budget hold
 * (the real count replaces it when the answer's usage arrives). Text is ~4 characters a token;
 * an image costs at most ~1,600 tokens whatever its size in base64.
 */
const CHARS_PER_TOKEN = 4;
const IMAGE_TOKENS = 1600;
/** Other base64 payloads (PDFs): pages cost far less than their bytes suggest, but not nothing. */
const BASE64_CHARS_PER_TOKEN = 20;
/** Role markers, tool definitions' framing, the system prompt's wrapper. */
const OVERHEAD_TOKENS = 16;

export function estimateInputTokens(params: unknown): number {
	let chars = 0;
	let tokens = OVERHEAD_TOKENS;
	const stack: unknown[] = [params];
	while (stack.length) {
		const value = stack.pop();
		if (typeof value === 'string') chars += value.length;
		else if (Array.isArray(value)) stack.push(...value);
		else if (value && typeof value === 'object') {
			const o = value as Record<string, unknown>;
			if (o.type === 'base64' && typeof o.data === 'string') {
				tokens += String(o.media_type ?? '').startsWith('image/')
					? IMAGE_TOKENS
					: Math.ceil(o.data.length / BASE64_CHARS_PER_TOKEN);
				continue;
			}
			for (const [k, v] of Object.entries(o)) {
				// Settings are not text the model reads.
				if (k === 'max_tokens' || k === 'model' || k === 'stream' || k === 'metadata') continue;
				chars += k.length;
				stack.push(v);
			}
		}
	}
	return tokens + Math.ceil(chars / CHARS_PER_TOKEN);
}
