// A stand-in upstream for the upload-load section: takes a batch create of any size, reading
// and dropping its bytes as they come, and answers a message_batch counting its requests'
// custom_id keys (so the bench can tell the whole body arrived). Plain JavaScript so `node`
// runs it without a loader. Prints `{"port":N}` once listening.
import { createServer } from 'node:http';

const NEEDLE = Buffer.from('"custom_id"');

const server = createServer((req, res) => {
	if (req.method !== 'POST' || !req.url?.startsWith('/v1/messages/batches')) {
		res.writeHead(404, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ type: 'error', error: { type: 'not_found_error', message: 'sink' } }));
		return;
	}
	let requests = 0;
	let bytes = 0;
	let tail = Buffer.alloc(0);
	req.on('data', (chunk) => {
		bytes += chunk.length;
		// Only the few bytes around a chunk boundary are copied: this process is also the
		// floor the app's memory is compared with (a bare node:http server taking the body).
		const edge = Buffer.concat([tail, chunk.subarray(0, NEEDLE.length - 1)]);
		if (edge.includes(NEEDLE)) requests++;
		for (let at = chunk.indexOf(NEEDLE); at >= 0; at = chunk.indexOf(NEEDLE, at + 1)) requests++;
		tail = Buffer.from(chunk.subarray(Math.max(0, chunk.length - NEEDLE.length + 1)));
	});
	req.on('end', () => {
		const now = new Date().toISOString();
		res.writeHead(200, { 'content-type': 'application/json', 'request-id': 'req_sink' });
		res.end(
			JSON.stringify({
				id: `msgbatch_sink${Date.now()}`,
				type: 'message_batch',
				processing_status: 'in_progress',
				request_counts: { processing: requests, succeeded: 0, errored: 0, canceled: 0, expired: 0 },
				ended_at: null,
				created_at: now,
				expires_at: now,
				cancel_initiated_at: null,
				archived_at: null,
				results_url: null,
				bytes_received: bytes
			})
		);
	});
});
server.listen(0, '127.0.0.1', () =>
	process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n')
);
