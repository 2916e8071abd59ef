import type { Handle } from '@sveltejs/kit';

/** API answers are data, never a page: nothing may load or frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * Headers for every response. The page CSP itself comes from `kit.csp` in svelte.config.js
 * (Kit adds nonces for its own inline scripts); API answers get a CSP that allows nothing.
 */
export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const h = response.headers;
	h.set('x-content-type-options', 'nosniff');
	// Not no-referrer: with it Chrome sends `Origin: null` on our own form posts.
	h.set('referrer-policy', 'same-origin');
	h.set('x-frame-options', 'DENY');
	h.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
	if (!h.has('content-security-policy')) h.set('content-security-policy', API_CSP);
	return response;
};
