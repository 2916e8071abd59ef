/** Request headers the editor controls: API version, beta flags and the simulator's fault injection. */

/** anthropic-beta flags of the late-2024 API surface, offered as toggles. */
export const KNOWN_BETAS = [
	'prompt-caching-2024-07-31',
	'computer-use-2024-10-22',
	'token-counting-2024-11-01',
	'message-batches-2024-09-24',
	'pdfs-2024-09-25'
] as const;

/** Faults the simulator understands in `x-simulator-fault`; '' is none. */
export const SIMULATOR_FAULTS = [
	'',
	'overloaded',
	'rate_limit',
	'api_error',
	'stream_error_after:5',
	'drop_after:5',
	'slow:2000'
] as const;

export function requestHeaders(
	betas: readonly string[],
	fault: string,
	version?: string
): Record<string, string> {
	const headers: Record<string, string> = {};
	if (version) headers['anthropic-version'] = version;
	// No space after commas, as the official SDK writes it.
	if (betas.length > 0) headers['anthropic-beta'] = betas.join(',');
	if (fault) headers['x-simulator-fault'] = fault;
	return headers;
}
