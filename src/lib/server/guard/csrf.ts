import type { Handle } from '@sveltejs/kit';
import { getConfig } from '../config';
import { apiError } from '../http';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Same host (and port); the scheme is not compared because TLS often ends at a proxy in front. */
function sameHost(origin: string, url: URL): boolean {
	try {
		return new URL(origin).host === url.host;
	} catch {
		return false;
	}
}

/**
 * State-changing requests from a browser must come from our own origin. Browsers always send
 * `Origin` on cross-site POSTs; scripts and SDKs send none and are judged by auth instead.
 */
export const csrfGuard: Handle = async ({ event, resolve }) => {
	const origin = event.request.headers.get('origin');
	if (!origin || SAFE.has(event.request.method)) return resolve(event);
	// ORIGIN, when set, is the truth; the request URL would otherwise come from the Host header.
	const ours = getConfig().ORIGIN ? new URL(getConfig().ORIGIN!) : event.url;
	if (!sameHost(origin, ours)) {
		return apiError(
			'permission_error',
			`Cross-site ${event.request.method} refused: origin ${origin} is not this playground`,
			{
				requestId: event.locals.requestId
			}
		);
	}
	return resolve(event);
};
