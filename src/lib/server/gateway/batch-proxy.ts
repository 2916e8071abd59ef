import type { RequestEvent } from '@sveltejs/kit';
import { observeBatches } from '../guard/batch-budget';
import { ownBatchesOnly } from '../guard/batch-owner';
import { getLimitDeps } from '../guard/deps';
import { forward } from './forward';
import type { UpstreamRequest } from '../upstream';

export function batchPath(id: string): string {
	return `/v1/messages/batches/${encodeURIComponent(id)}`;
}

function isBatch(
	value: unknown
): value is { type: 'message_batch'; id: string; results_url: unknown } {
	return (
		typeof value === 'object' &&
		value !== null &&
		(value as { type?: unknown }).type === 'message_batch' &&
		typeof (value as { id?: unknown }).id === 'string'
	);
}

/**
 * SDKs download results from the batch's absolute `results_url`, with the auth they hold:
 * pointing it at our own results route keeps them behind the playground (they have no
 * upstream key, and the simulator's origin is not reachable from outside).
 */
function rewrite(value: unknown, origin: string): unknown {
	if (isBatch(value) && typeof value.results_url === 'string')
		return { ...value, results_url: `${origin}/api${batchPath(value.id)}/results` };
	return value;
}

/** Forwards a call whose JSON answer is a batch or a page of batches, rewriting every results_url. */
export async function forwardBatch(
	event: RequestEvent,
	call: Omit<UpstreamRequest, 'headers' | 'signal'>
): Promise<Response> {
	const response = await forward(event, call);
	if (!response.ok || !response.headers.get('content-type')?.includes('application/json'))
		return response;
	const body = (await response.json()) as unknown;
	const origin = event.url.origin;
	const page = body as { data?: unknown } | null;
	const batches = page && Array.isArray(page.data) ? (page.data as { id?: unknown }[]) : null;
	// Ended batches settle their budget hold from their results (guard/batch-budget.ts).
	observeBatches(batches ?? [body], getLimitDeps());
	const rewritten = batches
		? {
				...page,
				data: (await ownBatchesOnly(batches, event.locals.user)).map((b) => rewrite(b, origin))
			}
		: rewrite(body, origin);
	const headers = new Headers(response.headers);
	headers.delete('content-length');
	return new Response(JSON.stringify(rewritten), { status: response.status, headers });
}
