import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { ConfigError, getConfig } from '$lib/server/config';
import { apiError, newRequestId } from '$lib/server/http';
import { eventClientAddress } from '$lib/server/guard/identity';

/** Same cap as scripts/start.js applies before Kit (this one covers dev and preview). */
const FORM_BODY_BYTES = 16 * 1024;
import { log } from '$lib/server/log';
import { logRequest } from '$lib/server/request-log';
import { csrfGuard } from '$lib/server/guard/csrf';
import { apiTokenAuth } from '$lib/server/guard/api-tokens';
import { authGate } from '$lib/server/guard/gate';
import { securityHeaders } from '$lib/server/guard/security-headers';
import { getStore } from '$lib/server/store';
import { installProcessGuards } from '$lib/server/guard/process-guards';
import { startBatchSweeper } from '$lib/server/guard/sweeper';
import { registerFastPath } from '$lib/server/fast';
import { recoverQueuedWrites } from '$lib/server/guard/deps';
import { apiShapedErrors } from '$lib/server/api-shaped-errors';

export const init: ServerInit = async () => {
	installProcessGuards();
	try {
		const config = getConfig();
		// Create and migrate the store now, so a bad DATABASE_URL stops start-up instead of a first request.
		const store = await getStore();
		const host = config.HOST === '0.0.0.0' ? 'localhost' : config.HOST;
		startBatchSweeper();
		// Usage and batch writes the store refused before the last stop (kill -9 included).
		void recoverQueuedWrites();
		log.info(
			`Messages Playground on http://${host}:${config.PORT} (upstream: ${config.upstreamKind}, store: ${store.kind})`
		);
	} catch (e) {
		process.stderr.write(
			(e instanceof ConfigError ? e.message : `Cannot open the store: ${(e as Error).message}`) +
				'\n'
		);
		process.exit(1);
	}
};

const withRequestId: Handle = async ({ event, resolve }) => {
	event.locals.requestId = newRequestId();
	event.locals.user = 'anonymous';
	const response = await resolve(event);
	response.headers.set('x-request-id', event.locals.requestId);
	return response;
};

const withLogging: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const response = await resolve(event);
	logRequest({
		requestId: event.locals.requestId,
		method: event.request.method,
		path: event.url.pathname,
		status: response.status,
		user: event.locals.user,
		address: eventClientAddress(event, getConfig()),
		ms: Math.round(performance.now() - started)
	});
	return response;
};

/** Pages take small forms only (login, settings); anything bigger is refused before it is read. */
const capFormBodies: Handle = async ({ event, resolve }) => {
	const declared = Number(event.request.headers.get('content-length') ?? 0);
	if (
		!event.url.pathname.startsWith('/api/') &&
		event.request.method !== 'GET' &&
		declared > FORM_BODY_BYTES
	)
		return apiError(
			'request_too_large',
			`Request exceeds the maximum allowed number of bytes (${FORM_BODY_BYTES}).`,
			{
				requestId: event.locals.requestId
			}
		);
	return resolve(event);
};

/** Who may call /api: the Kit chain below and the node fast path (scripts/start.js) run these. */
const apiGuards = [csrfGuard, apiTokenAuth, authGate] as const;
registerFastPath(apiGuards);

export const handle = sequence(
	withRequestId,
	withLogging,
	securityHeaders,
	apiShapedErrors,
	capFormBodies,
	...apiGuards
);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const requestId = event.locals.requestId;
	// A page that does not exist is not our failure; Kit routes 404s through here too.
	if (status < 500) {
		log.info('client error', { requestId, path: event.url.pathname, status });
		return { message, requestId };
	}
	log.error('unexpected error', {
		requestId,
		path: event.url.pathname,
		user: event.locals.user,
		error: String(error)
	});
	return { message: 'Internal error', requestId };
};
