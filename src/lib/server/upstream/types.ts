/** One call to the Anthropic API, already validated, with only the headers we chose to forward. */
export interface UpstreamRequest {
	method: 'GET' | 'POST' | 'DELETE';
	/** API path, e.g. `/v1/messages`. */
	path: string;
	/** Arrays go out as `key[]=a&key[]=b`, as the SDK sends them. */
	query?: Record<string, string | string[]>;
	/**
	 * The JSON body exactly as the client sent it, so the upstream sees the same bytes: text,
	 * bytes, or a file-backed Blob for a large batch (re-readable, so the SDK can retry it).
	 */
	body?: string | Uint8Array<ArrayBuffer> | Blob;
	stream?: boolean;
	headers: Record<string, string>;
	signal: AbortSignal;
}

/** A call to an endpoint the gateway does not model: relayed as bytes, both ways. */
export interface RelayRequest {
	method: string;
	/** API path and query exactly as the client sent them, e.g. `/v1/files?limit=2`. */
	pathAndQuery: string;
	/** Forwarded headers plus the body's own (`content-type`). */
	headers: Record<string, string>;
	/** Streamed on as it arrives, never buffered (uploads may be large). */
	body: ReadableStream<Uint8Array> | null;
	signal: AbortSignal;
}

/**
 * The API behind the playground. `send` answers with the upstream's raw response, errors
 * included (status and body as the API sent them); it throws only if the caller aborted.
 * `relay` does the same for any other endpoint, with every response header as sent.
 */
export interface Upstream {
	readonly kind: 'anthropic' | 'simulator';
	send(request: UpstreamRequest): Promise<Response>;
	relay(request: RelayRequest): Promise<Response>;
	/**
	 * What the SDK would put on the wire for `request` (URL with query, every header including
	 * the key), without sending it: the node fast path (server/fast) sends the same bytes itself.
	 * Absent for an upstream that is not reached over the network (the in-process simulator).
	 */
	wire?(request: WireRequest, retryCount: number): Promise<WireCall>;
	readonly maxRetries?: number;
	readonly timeoutMs?: number;
}

export type WireRequest = Omit<UpstreamRequest, 'signal' | 'body'>;
export interface WireCall {
	url: string;
	headers: Record<string, string>;
}
