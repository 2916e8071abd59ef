import type { RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { getConfig } from '../config';
import { parseJsonText, readBodyText, validate } from '../http';
import { log } from '../log';
import { getUpstream } from '../upstream';
import { forwardedRequestHeaders } from '../upstream/headers';
import type { UpstreamRequest } from '../upstream/types';
import type { Usage } from '$lib/schemas/usage';
import { sseUsageTap } from '../guard/usage-tap';
import type { ExchangeOutcome } from '../guard/admit';
import { scrubStream, scrubText } from './scrub';

/**
 * Passes the upstream body on untouched; when the client goes away (the reader is cancelled)
 * the upstream request is aborted too.
 */
export function passThrough(
	body: ReadableStream<Uint8Array>,
	abort: AbortController,
	watch: BodyWatch = {}
): ReadableStream<Uint8Array> {
	const reader = body.getReader();
	let ended = false;
	let cancelled = false;
	const end = () => {
		if (ended) return;
		ended = true;
		watch.onEnd?.();
	};
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			try {
				const { done, value } = await reader.read();
				// The client may have left while we waited for the upstream.
				if (cancelled) return;
				if (done) {
					watch.onComplete?.();
					end();
					controller.close();
				} else {
					watch.onChunk?.(value);
					controller.enqueue(value);
				}
			} catch (e) {
				if (cancelled) return;
				// Headers are sent: the stream just ends early, as a dropped connection does.
				log.warn('upstream stream failed', { error: (e as Error).message });
				end();
				controller.error(e);
			}
		},
		cancel(reason) {
			cancelled = true;
			end();
			abort.abort(reason);
			return reader.cancel(reason).catch(() => {});
		}
	});
}

export interface BodyWatch {
	onChunk?: (chunk: Uint8Array) => void;
	/** The whole body went through (not called when the client left or the upstream broke). */
	onComplete?: () => void;
	onEnd?: () => void;
}

export interface ForwardHooks {
	/** Sees the bytes of any other successful body (batch results) as they pass. */
	watch?: Omit<BodyWatch, 'onEnd'>;
	/** Usage of a Messages answer, streamed or not, once known (undefined: the answer had none). */
	onUsage?: (usage: Usage | undefined) => void;
	/** Sees a successful Messages answer's bytes, streamed or not (files a tool made). */
	onMessageBytes?: (chunk: Uint8Array) => void;
	/**
	 * The exchange is over: `complete` (answered whole), `cut` (the client left or the stream
	 * broke: upstream may have charged for it) or `failed` (an error answer, or never sent).
	 */
	onEnd?: (outcome: ExchangeOutcome) => void;
}

export async function readValidatedBody<S extends z.ZodType>(event: RequestEvent, schema: S) {
	const text = await readBodyText(event.request, getConfig().MAX_BODY_BYTES);
	const raw = parseJsonText(text);
	const parsed = validate(schema, raw);
	// `text` is what goes upstream: the client's bytes, not a re-encoding of `parsed`.
	return { text, parsed };
}

/**
 * The client's query string, passed on (the beta SDK adds `?beta=true`); repeated keys go out
 * as arrays, in the SDK's `key[]=` form.
 */
export function clientQuery(url: URL): Record<string, string | string[]> | undefined {
	if (!url.search) return undefined;
	const out: Record<string, string | string[]> = {};
	for (const key of new Set(url.searchParams.keys())) {
		const values = url.searchParams.getAll(key);
		out[key] = values.length === 1 ? values[0] : values;
	}
	return out;
}

/** Sends one call upstream and answers with its response, streaming bodies straight through. */
export async function forward(
	event: RequestEvent,
	call: Omit<UpstreamRequest, 'headers' | 'signal'>,
	hooks: ForwardHooks = {}
): Promise<Response> {
	const abort = new AbortController();
	event.request.signal.addEventListener('abort', () => abort.abort(), { once: true });
	let upstream: Response;
	try {
		upstream = await getUpstream().send({
			...call,
			headers: forwardedRequestHeaders(event.request.headers),
			signal: abort.signal
		});
	} catch (e) {
		hooks.onEnd?.(abort.signal.aborted ? 'cut' : 'failed');
		throw e;
	}
	// Nothing upstream says may carry our key back to a client, echoed or not.
	const secret = getConfig().ANTHROPIC_API_KEY;
	const headers = new Headers(upstream.headers);
	for (const [name, value] of [...headers])
		if (scrubText(value, secret) !== value) headers.delete(name);
	headers.set('x-upstream', getUpstream().kind);
	if (upstream.status >= 500)
		log.warn('upstream error', {
			requestId: event.locals.requestId,
			path: call.path,
			status: upstream.status
		});
	if (upstream.body && secret)
		upstream = new Response(scrubStream(upstream.body, secret), { status: upstream.status });
	if (call.stream && upstream.ok && upstream.body) {
		headers.set('cache-control', 'no-cache');
		headers.set('x-accel-buffering', 'no');
		const tap = hooks.onUsage ? sseUsageTap(hooks.onUsage) : undefined;
		let complete = false;
		const body = passThrough(upstream.body, abort, {
			onChunk: (c) => {
				tap?.feed(c);
				hooks.onMessageBytes?.(c);
			},
			onComplete: () => (complete = true),
			onEnd: () => {
				tap?.finish();
				hooks.onEnd?.(complete ? 'complete' : 'cut');
			}
		});
		return new Response(body, { status: upstream.status, headers });
	}
	if (hooks.onUsage && upstream.ok) {
		// A single Message is small: read it to record its usage, then send the same bytes on.
		let bytes: Uint8Array<ArrayBuffer>;
		try {
			bytes = new Uint8Array(await upstream.arrayBuffer());
		} catch (e) {
			hooks.onEnd?.('cut');
			throw e;
		}
		hooks.onMessageBytes?.(bytes);
		try {
			hooks.onUsage(JSON.parse(new TextDecoder().decode(bytes)).usage);
		} catch {
			// not JSON: nothing to record
		}
		hooks.onEnd?.('complete');
		return new Response(bytes, { status: upstream.status, headers });
	}
	const watch = upstream.ok ? hooks.watch : undefined;
	const outcome: ExchangeOutcome = upstream.ok ? 'complete' : 'failed';
	const body = upstream.body
		? passThrough(upstream.body, abort, { ...watch, onEnd: () => hooks.onEnd?.(outcome) })
		: null;
	if (!body) hooks.onEnd?.(outcome);
	return new Response(body, { status: upstream.status, headers });
}
