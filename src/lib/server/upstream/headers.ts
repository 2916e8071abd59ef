/**
 * Which headers cross the gateway. Requests: every `anthropic-*` header a client sets (version,
 * beta, workspace, user profile, and whatever the API adds), never a credential; the server
 * sends its own key. Responses: ids, limits and retry hints, or (for endpoints we do not
 * model) everything but hop-by-hop headers and cookies.
 */

/** The API version SDK 1.14 sends when the client names none (tests/unit checks it). */
export const SDK_API_VERSION = '2026-10-21';

/** Header names that carry a secret; checked on `anthropic-*` names too, whatever comes next. */
const CREDENTIAL =
	/(^|-)(key|token|secret|auth|authorization|oauth|credentials?|cookie|session|password)(-|$)/;

/** Our own test hook for the simulator's faults; harmless upstream, which ignores it. */
const EXTRA_FORWARDED = new Set(['x-simulator-fault']);

export function isCredentialHeader(name: string): boolean {
	return CREDENTIAL.test(name.toLowerCase());
}

/** Anything with Headers' `forEach` (the node fast path passes its own view of node headers). */
export type HeaderSource = Pick<Headers, 'forEach'>;

export function forwardedRequestHeaders(headers: HeaderSource): Record<string, string> {
	const out: Record<string, string> = {};
	headers.forEach((value, name) => {
		const n = name.toLowerCase();
		if ((n.startsWith('anthropic-') || EXTRA_FORWARDED.has(n)) && !isCredentialHeader(n))
			out[n] = value;
	});
	return out;
}

const FORWARD_RESPONSE = new RegExp(
	'^(request-id|retry-after|retry-after-ms|x-should-retry|content-type|' +
		'anthropic-ratelimit-.*|anthropic-priority-.*|anthropic-organization-id|anthropic-workspace-id)$'
);

/** May a client see this upstream response header (on the endpoints we model)? */
export function isForwardedResponseHeader(name: string): boolean {
	return FORWARD_RESPONSE.test(name.toLowerCase());
}

/** Upstream response headers the client may see on the endpoints we model. */
export function forwardedResponseHeaders(headers: HeaderSource | undefined): Headers {
	const out = new Headers();
	headers?.forEach((value, name) => {
		if (isForwardedResponseHeader(name)) out.set(name, value);
	});
	return out;
}

/**
 * Hop-by-hop headers (RFC 9110 7.6.1) end at each hop. `content-encoding`/`content-length`
 * go too: fetch has already decoded the body we pass on, so both would be wrong.
 */
const NOT_RELAYED = new Set([
	'connection',
	'keep-alive',
	'proxy-authenticate',
	'proxy-authorization',
	'te',
	'trailer',
	'transfer-encoding',
	'upgrade',
	'content-encoding',
	'content-length',
	'set-cookie'
]);

/** Every response header of an endpoint we do not model, less hop-by-hop ones and cookies. */
export function relayedResponseHeaders(
	headers: Headers,
	scrub: (value: string) => string
): Headers {
	const out = new Headers();
	const hopByHop = new Set(
		(headers.get('connection') ?? '').split(',').map((s) => s.trim().toLowerCase())
	);
	headers.forEach((value, name) => {
		const n = name.toLowerCase();
		if (!NOT_RELAYED.has(n) && !hopByHop.has(n)) out.set(name, scrub(value));
	});
	return out;
}
