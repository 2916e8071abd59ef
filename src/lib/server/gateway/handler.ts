import type { RequestEvent } from '@sveltejs/kit';
import { HttpProblem, apiError } from '../http';
import { log } from '../log';

/** Runs an API handler, turning every failure into the API's error shape; never a bare 500. */
export async function apiHandler(
	event: RequestEvent,
	handler: () => Promise<Response>
): Promise<Response> {
	try {
		return await handler();
	} catch (e) {
		if (e instanceof HttpProblem) return e.toResponse(event.locals.requestId);
		if (event.request.signal.aborted) return new Response(null, { status: 499 });
		log.error('unexpected error in API route', {
			requestId: event.locals.requestId,
			error: String(e)
		});
		return apiError('api_error', 'Internal error in the playground server', {
			requestId: event.locals.requestId
		});
	}
}
