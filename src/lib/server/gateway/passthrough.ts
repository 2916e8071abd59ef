import type { RequestEvent } from '@sveltejs/kit';
import { getConfig } from '../config';
import { getLimitDeps } from '../guard/deps';
import { checkUserLimits } from '../guard/limits';
import { HttpProblem } from '../http';
import { getUpstream } from '../upstream';
import { forwardedRequestHeaders, relayedResponseHeaders } from '../upstream/headers';
import { passThrough } from './forward';
import { scrubStream, scrubText } from './scrub';

/** The simulator models Files (the simulator's own routes); everything else it does not. */
const SIMULATED = /^\/v1\/files(\/|$)/;

/** Batch routes take only well-formed ids; any other path there is malformed, not new. */
const MODELLED_FAMILY = /^\/v1\/messages\/batches\//;

/** Headers that describe the body and how to answer, passed with it. */
const BODY_HEADERS = ['content-type', 'accept'];

/**
 * Any `/api/v1/*` endpoint the gateway does not model (Files, Skills, user profiles, beta
 * resources, whatever comes next): same gate and per-user limits as Messages, then the request
 * goes upstream as bytes, streamed both ways, and the answer comes back the same way with the
 * server's key scrubbed out.
 */
export async function passUnmodelled(event: RequestEvent, apiPath: string): Promise<Response> {
	const config = getConfig();
	const upstream = getUpstream();
	const method = event.request.method;
	if (MODELLED_FAMILY.test(apiPath))
		throw new HttpProblem('not_found_error', `Not found: ${method} /api${apiPath}`);
	if (upstream.kind === 'simulator' && !SIMULATED.test(apiPath))
		throw new HttpProblem('not_found_error', `the simulator does not model ${method} ${apiPath}`);
	await checkUserLimits(event.locals.user, config, getLimitDeps());
	const headers = forwardedRequestHeaders(event.request.headers);
	for (const name of BODY_HEADERS) {
		const value = event.request.headers.get(name);
		if (value) headers[name] = value;
	}
	const abort = new AbortController();
	event.request.signal.addEventListener('abort', () => abort.abort(), { once: true });
	const hasBody = method !== 'GET' && method !== 'HEAD' && event.request.body !== null;
	const response = await upstream.relay({
		method,
		pathAndQuery: apiPath + event.url.search,
		headers,
		body: hasBody ? event.request.body : null,
		signal: abort.signal
	});
	const secret = config.ANTHROPIC_API_KEY;
	const out = relayedResponseHeaders(response.headers, (v) => scrubText(v, secret));
	out.set('x-upstream', upstream.kind);
	const body = response.body ? passThrough(scrubStream(response.body, secret), abort) : null;
	return new Response(body, {
		status: response.status,
		statusText: response.statusText,
		headers: out
	});
}
