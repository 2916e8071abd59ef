import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * fetch, except that a large Blob body (a batch spooled to disk, batch-upload/receive.ts) goes
 * out through node:http, read from its file as the socket takes it. Node's fetch keeps the
 * whole body of a request in memory while it sends it (200 MB of RSS for a 200 MB batch, Blob
 * or stream alike); a pipe holds a few chunks.
 */
const STREAM_OVER_BYTES = 8 * 1024 * 1024;
const NULL_BODY = new Set([101, 204, 205, 304]);

export function fileBodyFetch(base: typeof fetch = fetch): typeof fetch {
	return (input, init) => {
		const body = init?.body;
		if (!(body instanceof Blob) || body.size < STREAM_OVER_BYTES || input instanceof Request)
			return base(input, init);
		return sendPiped(new URL(String(input)), init!, body);
	};
}

function sendPiped(url: URL, init: RequestInit, body: Blob): Promise<Response> {
	const headers: Record<string, string> = {};
	new Headers(init.headers).forEach((value, name) => (headers[name] = value));
	headers['content-length'] = String(body.size);
	const send = url.protocol === 'https:' ? https.request : http.request;
	return new Promise((resolve, reject) => {
		const req = send(url, {
			method: init.method ?? 'POST',
			headers,
			signal: init.signal ?? undefined
		});
		req.once('response', (res) => {
			const answer = new Headers();
			for (const [name, value] of Object.entries(res.headers))
				if (value !== undefined) answer.set(name, Array.isArray(value) ? value.join(', ') : value);
			const status = res.statusCode ?? 502;
			const stream = NULL_BODY.has(status)
				? null
				: (Readable.toWeb(res) as ReadableStream<Uint8Array>);
			if (!stream) res.resume();
			resolve(new Response(stream, { status, statusText: res.statusMessage, headers: answer }));
		});
		req.once('error', reject);
		// The upstream may answer (an error) before it read everything: that answer still counts.
		pipeline(
			Readable.fromWeb(body.stream() as import('node:stream/web').ReadableStream),
			req
		).catch(reject);
	});
}
