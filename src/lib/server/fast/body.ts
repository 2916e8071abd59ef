import type { IncomingMessage } from 'node:http';
import { HttpProblem } from '../http';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A request body read from the node request, as readBodyText (http.ts) reads a Kit request:
 * at most `maxBytes` whatever content-length says, over the cap a 413, not UTF-8 a 400, with
 * the same messages.
 */
export function readNodeBody(req: IncomingMessage, maxBytes: number): Promise<string> {
	const tooLarge = () =>
		new HttpProblem(
			'request_too_large',
			`Request exceeds the maximum allowed number of bytes (${maxBytes}).`
		);
	const declared = Number(req.headers['content-length'] ?? 0);
	if (declared > maxBytes) return Promise.reject(tooLarge());
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > maxBytes) {
				req.removeAllListeners('data');
				req.resume();
				reject(tooLarge());
			} else chunks.push(chunk);
		});
		req.once('end', () => {
			try {
				resolve(utf8.decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)));
			} catch {
				reject(new HttpProblem('invalid_request_error', 'request body is not valid UTF-8'));
			}
		});
		req.once('error', reject);
		// A client that leaves mid-body may not say so with an error.
		req.once('close', () => {
			if (!req.complete) reject(new Error('the client left while sending its request'));
		});
		req.resume();
	});
}
