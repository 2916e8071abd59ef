import type { RequestEvent } from '@sveltejs/kit';
import { forward } from '../gateway/forward';
import { serverCatalog } from '../catalog';
import { getConfig } from '../config';
import { enrichModels } from './enrich';
import { ModelsCache } from './cache';

const cache = new ModelsCache();

/**
 * `/api/v1/models[/id]`: the upstream's answer (the real API with a key, else the simulator,
 * which already answers from the catalog), with the catalog's prices added. With a key, good
 * answers are cached for a few minutes.
 */
export async function serveModels(
	event: RequestEvent,
	path: string,
	query?: Record<string, string | string[]>
): Promise<Response> {
	const keyed = getConfig().upstreamKind === 'anthropic';
	const key = path + '?' + JSON.stringify(query ?? {});
	const hit = keyed ? cache.get(key) : undefined;
	if (hit) return hit;
	const response = await forward(event, { method: 'GET', path, query });
	if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json'))
		return response;
	let body: unknown;
	try {
		body = await response.json();
	} catch {
		return new Response(
			'{"type":"error","error":{"type":"api_error","message":"upstream sent invalid JSON"}}',
			{
				status: 502,
				headers: { 'content-type': 'application/json' }
			}
		);
	}
	const text = JSON.stringify(enrichModels(body, serverCatalog()));
	const headers = new Headers(response.headers);
	headers.delete('content-length');
	headers.delete('content-encoding');
	if (keyed) cache.put(key, text, headers);
	return new Response(text, { status: response.status, headers });
}
