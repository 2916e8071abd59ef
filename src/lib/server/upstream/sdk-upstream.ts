import Anthropic, { APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import { errorBody } from '../http';
import { forwardedResponseHeaders } from './headers';
import type { Upstream, UpstreamRequest } from './types';

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
		fetch: opts.fetch,
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
					body: req.body,
					headers: req.headers,
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
				if (e instanceof APIConnectionTimeoutError) return failure(504, 'timeout_error', 'The upstream API did not answer in time.');
				if (e instanceof APIError && e.status) {
					const headers = forwardedResponseHeaders(e.headers);
					headers.set('content-type', 'application/json');
					const body = e.error && typeof e.error === 'object' ? e.error : errorBody('api_error', e.message);
					return new Response(JSON.stringify(body), { status: e.status, headers });
				}
				return failure(502, 'api_error', 'Could not reach the upstream API.');
			}
		}
	};
}

function failure(status: number, type: string, message: string): Response {
	return new Response(JSON.stringify(errorBody(type, message)), {
		status,
		headers: { 'content-type': 'application/json' }
	});
}
