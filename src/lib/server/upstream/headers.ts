/** Request headers a browser or SDK may send that we pass on; never keys, cookies or auth. */
const FORWARD_REQUEST = ['anthropic-beta', 'anthropic-version', 'x-simulator-fault'];

export function forwardedRequestHeaders(headers: Headers): Record<string, string> {
	const out: Record<string, string> = {};
	for (const name of FORWARD_REQUEST) {
		const v = headers.get(name);
		if (v) out[name] = v;
	}
	return out;
}

const FORWARD_RESPONSE = /^(request-id|retry-after|retry-after-ms|x-should-retry|content-type|anthropic-ratelimit-.*|anthropic-priority-.*|anthropic-organization-id)$/;

/** Upstream response headers the client may see: ids, limits and retry hints. */
export function forwardedResponseHeaders(headers: Headers | undefined): Headers {
	const out = new Headers();
	headers?.forEach((value, name) => {
		if (FORWARD_RESPONSE.test(name.toLowerCase())) out.set(name, value);
	});
	return out;
}
