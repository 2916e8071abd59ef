import Anthropic, {
	APIConnectionTimeoutError,
	APIError,
	APIUserAbortError
} from '@anthropic-ai/sdk';
import { errorBody } from '../http';
import { fileBodyFetch } from './file-fetch';
import { SDK_API_VERSION, forwardedResponseHeaders } from './headers';
import type { RelayRequest, Upstream, UpstreamRequest } from './types';

export interface SdkUpstreamOptions {
	kind: Upstream['kind'];
	apiKey: string;
	baseURL: string;
	maxRetries: number;
	timeoutMs: number;
	/** For the in-process simulator: answers without a network hop. */
	fetch?: typeof fetch;
}

/**
 * Both backends go through the official SDK, so retries, timeouts and headers are the SDK's;
 * we take its raw response so streams pass through byte for byte.
 */
export function createSdkUpstream(opts: SdkUpstreamOptions): Upstream {
	const client = new Anthropic({
		apiKey: opts.apiKey,
		baseURL: opts.baseURL,
		maxRetries: opts.maxRetries,
		timeout: opts.timeoutMs,
		// A spooled batch is piped from its file, not held in memory (file-fetch.ts).
		fetch: opts.fetch ?? fileBodyFetch(),
		logLevel: 'off'
	});

	return {
		kind: opts.kind,
		async send(req: UpstreamRequest): Promise<Response> {
			try {
				const call = client.request({
					method: req.method.toLowerCase() as 'get' | 'post' | 'delete',
					path: req.path,
					query: req.query,
					// A string body with its content-type goes out verbatim (the SDK's rule).
					body: req.body,
					headers:
						req.body === undefined
							? req.headers
							: { 'content-type': 'application/json', ...req.headers },
					signal: req.signal,
					stream: req.stream,
					// Results and streams must reach the browser as bytes, not parsed.
					__binaryResponse: !req.stream && req.path.endsWith('/results') ? true : undefined
				} as Parameters<typeof client.request>[0]);
				const response = await call.asResponse();
				return new Response(response.body, {
					status: response.status,
					headers: forwardedResponseHeaders(response.headers)
				});
			} catch (e) {
				if (e instanceof APIUserAbortError || req.signal.aborted) throw e;
				if (e instanceof APIConnectionTimeoutError)
					return failure(504, 'timeout_error', 'The upstream API did not answer in time.');
				if (e instanceof APIError && e.status) {
					const headers = forwardedResponseHeaders(e.headers);
					headers.set('content-type', 'application/json');
					const body =
						e.error && typeof e.error === 'object' ? e.error : errorBody('api_error', e.message);
					return new Response(JSON.stringify(body), { status: e.status, headers });
				}
				return failure(502, 'api_error', 'Could not reach the upstream API.');
			}
		},
		relay: (req) => relay(opts, req),
		maxRetries: opts.maxRetries,
		timeoutMs: opts.timeoutMs,
		// The in-process simulator is reached through `fetch`, never over the wire.
		wire: opts.fetch
			? undefined
			: async (req, retryCount) => {
					const { url, req: init } = await client.buildRequest(
						{
							method: req.method.toLowerCase() as 'get' | 'post' | 'delete',
							path: req.path,
							query: req.query,
							headers: { 'content-type': 'application/json', ...req.headers },
							stream: req.stream
						},
						{ retryCount }
					);
					const headers: Record<string, string> = {};
					new Headers(init.headers).forEach((value, name) => (headers[name] = value));
					return { url, headers };
				}
	};
}

/**
 * Endpoints we do not model skip the SDK's request builder: it would re-encode the query and
 * could retry a body stream it has already read. Same key, same default version as the SDK.
 */
async function relay(opts: SdkUpstreamOptions, req: RelayRequest): Promise<Response> {
	const headers = new Headers(req.headers);
	if (!headers.has('anthropic-version')) headers.set('anthropic-version', SDK_API_VERSION);
	headers.set('authorization', `Bearer ${opts.apiKey}`);
	// Only the wait for the answer's headers is timed; a long download may take its time.
	const timeout = new AbortController();
	const timer = setTimeout(() => timeout.abort(), opts.timeoutMs);
	const init: RequestInit & { duplex?: 'half' } = {
		method: req.method,
		headers,
		body: req.body,
		signal: AbortSignal.any([req.signal, timeout.signal]),
		...(req.body ? { duplex: 'half' } : {})
	};
	try {
		return await (opts.fetch ?? fetch)(opts.baseURL.replace(/\/+$/, '') + req.pathAndQuery, init);
	} catch (e) {
		if (req.signal.aborted) throw e;
		if (timeout.signal.aborted)
			return failure(504, 'timeout_error', 'The upstream API did not answer in time.');
		return failure(502, 'api_error', 'Could not reach the upstream API.');
	} finally {
		clearTimeout(timer);
	}
}

function failure(status: number, type: string, message: string): Response {
	return new Response(JSON.stringify(errorBody(type, message)), {
		status,
		headers: { 'content-type': 'application/json' }
	});
}
