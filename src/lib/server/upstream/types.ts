/** One call to the Anthropic API, already validated, with only the headers we chose to forward. */
export interface UpstreamRequest {
	method: 'GET' | 'POST' | 'DELETE';
	/** API path, e.g. `/v1/messages`. */
	path: string;
	/** Arrays go out as `key[]=a&key[]=b`, as the SDK sends them. */
	query?: Record<string, string | string[]>;
	body?: unknown;
	stream?: boolean;
	headers: Record<string, string>;
	signal: AbortSignal;
}

/**
 * The API behind the playground. `send` answers with the upstream's raw response, errors
 * included (status and body as the API sent them); it throws only if the caller aborted.
 */
export interface Upstream {
	readonly kind: 'anthropic' | 'simulator';
	send(request: UpstreamRequest): Promise<Response>;
}
