// A stand-in for the Messages API that replays the recorded streams (../shared/fixtures/recorded),
// run as its own process so its work never shares an event loop with the bench client or a proxy.
// The request's `metadata.user_id` picks what to send: `replay:<file>.sse:<mode>`, where mode is
//   paced  one SSE event per write, PACE_MS apart (how the API sends tokens);
//   stress the same bytes in SLICE-byte writes, all at once (many tiny chunks, no pacing);
//   hold   the message_start event, then a ping every HOLD_PING_MS until the client leaves.
// Plain JavaScript so `node` runs it without a loader. Prints `{"port":N}` once listening.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';

const DIR = resolve(process.env.RECORDED_DIR ?? '../shared/fixtures/recorded');
const PACE_MS = Number(process.env.PACE_MS ?? 5);
const SLICE = Number(process.env.SLICE ?? 64);
const HOLD_PING_MS = Number(process.env.HOLD_PING_MS ?? 1000);
const PING = 'event: ping\ndata: {"type": "ping"}\n\n';

/** @type {Map<string, { bytes: Buffer, events: Buffer[] }>} */
const streams = new Map();
function recordedStream(name) {
	let s = streams.get(name);
	if (!s) {
		if (!/^[\w.-]+\.sse$/.test(name)) throw new Error(`not a recorded stream: ${name}`);
		const bytes = readFileSync(join(DIR, name));
		const text = bytes.toString('utf8');
		const events = text
			.split(/(?<=\n\n)/)
			.filter((e) => e.trim())
			.map((e) => Buffer.from(e));
		s = { bytes, events };
		streams.set(name, s);
	}
	return s;
}

const HEADERS = {
	'content-type': 'text/event-stream; charset=utf-8',
	'cache-control': 'no-cache',
	'request-id': 'req_bench_replay'
};

function paced(res, events) {
	let i = 0;
	const next = () => {
		if (res.destroyed) return;
		res.write(events[i++]);
		if (i < events.length) setTimeout(next, PACE_MS);
		else res.end();
	};
	next();
}

function stress(res, bytes) {
	let at = 0;
	const pump = () => {
		while (at < bytes.length) {
			const ok = res.write(bytes.subarray(at, (at += SLICE)));
			if (!ok) return void res.once('drain', pump);
		}
		res.end();
	};
	pump();
}

function hold(res, events) {
	res.write(events[0]);
	const timer = setInterval(() => res.write(PING), HOLD_PING_MS);
	res.on('close', () => clearInterval(timer));
}

const server = createServer((req, res) => {
	const chunks = [];
	req.on('data', (d) => chunks.push(d));
	req.on('end', () => {
		let userId = '';
		try {
			userId = JSON.parse(Buffer.concat(chunks).toString('utf8'))?.metadata?.user_id ?? '';
		} catch {
			// not JSON: answered below
		}
		const [kind, file, mode] = String(userId).split(':');
		if (req.url?.split('?')[0] !== '/v1/messages' || kind !== 'replay') {
			res.writeHead(404, { 'content-type': 'application/json' });
			return void res.end(
				JSON.stringify({
					type: 'error',
					error: { type: 'not_found_error', message: 'replay: nothing to replay' }
				})
			);
		}
		const s = recordedStream(file);
		res.writeHead(200, HEADERS);
		if (mode === 'stress') stress(res, s.bytes);
		else if (mode === 'hold') hold(res, s.events);
		else paced(res, s.events);
	});
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () =>
	process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n')
);
