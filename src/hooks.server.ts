import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { ConfigError, getConfig } from '$lib/server/config';
import { newRequestId } from '$lib/server/http';
import { log } from '$lib/server/log';
import { csrfGuard } from '$lib/server/guard/csrf';
import { apiTokenAuth } from '$lib/server/guard/api-tokens';
import { authGate } from '$lib/server/guard/gate';
import { securityHeaders } from '$lib/server/guard/security-headers';
import { getStore } from '$lib/server/store';
import { installProcessGuards } from '$lib/server/guard/process-guards';
import { startBatchSweeper } from '$lib/server/guard/sweeper';

export const init: ServerInit = async () => {
	installProcessGuards();
	try {
		const config = getConfig();
		// Create and migrate the store now, so a bad DATABASE_URL stops start-up instead of a first request.
		const store = await getStore();
		const host = config.HOST === '0.0.0.0' ? 'localhost' : config.HOST;
		startBatchSweeper();
		log.info(`Messages Playground on http://${host}:${config.PORT} (upstream: ${config.upstreamKind}, store: ${store.kind})`);
	} catch (e) {
		process.stderr.write((e instanceof ConfigError ? e.message : `Cannot open the store: ${(e as Error).message}`) + '\n');
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
	log.info('request', {
		requestId: event.locals.requestId,
		method: event.request.method,
		path: event.url.pathname,
		status: response.status,
		ms: Math.round(performance.now() - started)
	});
	return response;
};

export const handle = sequence(withRequestId, withLogging, securityHeaders, csrfGuard, apiTokenAuth, authGate);

export const handleError: HandleServerError = ({ error, event }) => {
	const requestId = event.locals.requestId;
	log.error('unexpected error', { requestId, path: event.url.pathname, error: String(error) });
	return { message: 'Internal error', requestId };
};
