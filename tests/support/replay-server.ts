import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { recorded } from './fixtures';

export interface ReplayRecord {
	method: string;
	url: string;
	headers: IncomingHttpHeaders;
	body: string;
	/** The body's exact bytes (multipart uploads are not text). */
	raw: Buffer;
	closedEarly: boolean;
}

/** A page of two skills, as `GET /v1/skills` answers (enough for the SDK to page). */
const SKILLS_PAGE = {
	data: [
		{
			id: 'skill_01',
			type: 'skill',
			display_title: 'Spreadsheets',
			source: 'anthropic',
			latest_version: '1',
			created_at: '2026-01-01T00:00:00Z',
			updated_at: '2026-01-01T00:00:00Z'
		},
		{
			id: 'skill_02',
			type: 'skill',
			display_title: 'Slides',
			source: 'anthropic',
			latest_version: '1',
			created_at: '2026-01-01T00:00:00Z',
			updated_at: '2026-01-01T00:00:00Z'
		}
	],
	has_more: false,
	next_page: null
};

/** A minimal Message, for `metadata.user_id: "echo"` requests that only check what was sent. */
const ECHO_MESSAGE = {
	id: 'msg_01echo',
	type: 'message',
	role: 'assistant',
	model: 'claude-haiku-4-5-20251001',
	content: [],
	stop_reason: 'max_tokens',
	stop_sequence: null,
	usage: {
		input_tokens: 5,
		output_tokens: 0,
		cache_creation_input_tokens: 0,
		cache_read_input_tokens: 0
	}
};

/**
 * Endpoints the gateway does not model, answered by path: Skills, a file upload, a binary
 * download, and one that echoes the request headers (as a careless upstream might).
 */
function answerOther(record: ReplayRecord, res: import('node:http').ServerResponse): boolean {
	const path = record.url.split('?')[0];
	if (record.method === 'GET' && path === '/v1/skills') {
		res.writeHead(200, {
			'content-type': 'application/json',
			'request-id': 'req_skills',
			'x-upstream-extra': 'kept',
			'set-cookie': 'cf=1'
		});
		res.end(JSON.stringify(SKILLS_PAGE));
	} else if (record.method === 'POST' && path === '/v1/files') {
		const filename = /filename="([^"]+)"/.exec(record.raw.toString('latin1'))?.[1] ?? 'upload';
		res.writeHead(200, { 'content-type': 'application/json', 'request-id': 'req_files' });
		res.end(
			JSON.stringify({
				id: 'file_replay',
				type: 'file',
				filename,
				mime_type: 'text/plain',
				size_bytes: record.raw.length,
				created_at: '2026-11-30T00:00:00Z',
				downloadable: false
			})
		);
	} else if (record.method === 'GET' && path === '/v1/files/file_replay/content') {
		res.writeHead(200, {
			'content-type': 'application/octet-stream',
			'content-disposition': 'attachment; filename="bytes.bin"'
		});
		res.end(Buffer.from(Array.from({ length: 256 }, (_, i) => i)));
	} else if (path === '/v1/echo-headers') {
		res.writeHead(200, {
			'content-type': 'application/json',
			'x-echo-auth': String(record.headers.authorization ?? '')
		});
		res.end(JSON.stringify({ headers: record.headers }));
	} else return false;
	return true;
}

/**
 * A stand-in for the real API that replays recorded traffic. The request's
 * `metadata.user_id` picks what to send: `replay:<file>.sse` streams a recorded stream,
 * `error:<status>:<file>.json` a recorded error, `slow` a stream that never ends, `echo` a
 * minimal message. Other endpoints: see answerOther.
 */
export async function startReplayServer(): Promise<{
	url: string;
	records: ReplayRecord[];
	firstBytes: string[];
	server: Server;
}> {
	const records: ReplayRecord[] = [];
	/** Request URLs in the order their first body bytes arrived (before the body ended). */
	const firstBytes: string[] = [];
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (d: Buffer) => {
			if (chunks.length === 0) firstBytes.push(req.url ?? '');
			chunks.push(d);
		});
		req.on('end', () => {
			const raw = Buffer.concat(chunks);
			const body = raw.toString('utf8');
			const record: ReplayRecord = {
				method: req.method ?? '',
				url: req.url ?? '',
				headers: req.headers,
				body,
				raw,
				closedEarly: false
			};
			records.push(record);
			res.on('close', () => {
				if (!res.writableEnded) record.closedEarly = true;
			});
			if (!record.url.startsWith('/v1/messages') && answerOther(record, res)) return;
			let userId = '';
			try {
				userId = JSON.parse(body)?.metadata?.user_id ?? '';
			} catch {
				// not JSON: plain answer below
			}
			const [kind, a, b] = String(userId).split(':');
			if (kind === 'replay') {
				res.writeHead(200, {
					'content-type': 'text/event-stream; charset=utf-8',
					'request-id': 'req_replay',
					'anthropic-ratelimit-requests-remaining': '41'
				});
				// Several small writes, so chunk boundaries fall mid-event as on the wire.
				const bytes = Buffer.from(recorded(a));
				for (let i = 0; i < bytes.length; i += 97) res.write(bytes.subarray(i, i + 97));
				res.end();
			} else if (kind === 'error') {
				res.writeHead(Number(a), {
					'content-type': 'application/json',
					'request-id': 'req_replay_err',
					'retry-after': '7',
					'x-should-retry': 'false'
				});
				res.end(recorded(b));
			} else if (kind === 'echo') {
				res.writeHead(200, { 'content-type': 'application/json', 'request-id': 'req_echo' });
				res.end(JSON.stringify(ECHO_MESSAGE));
			} else if (kind === 'slow') {
				res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
				res.write('event: ping\ndata: {"type":"ping"}\n\n');
				const timer = setInterval(() => res.write('event: ping\ndata: {"type":"ping"}\n\n'), 50);
				res.on('close', () => clearInterval(timer));
			} else {
				res.writeHead(404, { 'content-type': 'application/json' });
				res.end(
					JSON.stringify({
						type: 'error',
						error: { type: 'not_found_error', message: 'replay: nothing to replay' }
					})
				);
			}
		});
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const address = server.address();
	return {
		url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
		records,
		firstBytes,
		server
	};
}
