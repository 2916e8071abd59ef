// Any /api/v1/* path and method not modelled by a route beside this one: relayed to the
// upstream as bytes (Files, Skills, user profiles, beta resources...). See gateway/passthrough.
import { apiHandler } from '$lib/server/gateway/handler';
import { passUnmodelled } from '$lib/server/gateway/passthrough';
import type { RequestHandler } from './$types';

export const fallback: RequestHandler = (event) =>
	apiHandler(event, () => passUnmodelled(event, event.url.pathname.slice('/api'.length)));
