/** Request headers the editor controls: API version, beta flags and the simulator's fault injection. */

/**
 * anthropic-beta flags offered as toggles: the ones of today's API (SDK 1.14's `AnthropicBeta`) that
 * change what a Messages request may carry. The 2024 flags went GA and are no longer needed; a flag
 * that is not listed can still be typed in, and one loaded with a request shows as a toggle too.
 */
export const KNOWN_BETAS = [
	'files-api-2025-04-14',
	'interleaved-thinking-2025-05-14',
	'extended-cache-ttl-2025-04-11',
	'context-1m-2025-08-07',
	'context-management-2025-06-27',
	'output-300k-2026-03-24',
	'fast-mode-2026-02-01',
	'compact-2026-09-04',
	'mcp-client-2026-09-15'
] as const;

/** A flag as the API names them: lower-case words, digits and dashes (e.g. `files-api-2025-04-14`). */
export function isBetaFlag(flag: string): boolean {
	return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(flag);
}

/** The toggles to show: every known flag, then each other flag given, once. */
export function betaToggles(others: readonly string[]): string[] {
	return [...new Set<string>([...KNOWN_BETAS, ...others])];
}

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
