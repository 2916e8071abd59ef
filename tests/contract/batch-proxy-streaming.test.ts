import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANARY_KEY, startApp, type AppProcess } from '../support/servers';

/**
 * The app in real-key mode in front of a gate: a stand-in API whose results download sends
 * the first lines and then waits to be released. A proxy that buffered the body could not
 * hand over those first lines, so reading them proves it streams (no timing involved).
 */
const ID = 'msgbatch_01gate';
const COUNT = 20_000;
const HELD_BACK_AFTER = 1_000;

function resultLines(from: number, to: number): string {
	let out = '';
	for (let i = from; i < to; i++)
		out +=
			JSON.stringify({
				custom_id: `row-${i}`,
				result: {
					type: 'succeeded',
					message: {
						id: `msg_01gate${i}`,
						type: 'message',
						role: 'assistant',
						model: 'claude-haiku-4-5-20251001',
						content: [
							{
								type: 'text',
								text: `Answer number ${i}, padded so the whole download is a few megabytes.`
							}
						],
						stop_reason: 'end_turn',
						stop_sequence: null,
						usage: { input_tokens: 10, output_tokens: 20 }
					}
				}
			}) + '\n';
	return out;
}

interface Gate {
	url: string;
	server: Server;
	finished: boolean;
	release(): void;
}

async function startGate(): Promise<Gate> {
	let release!: () => void;
	const released = new Promise<void>((r) => (release = r));
	const gate = { finished: false, release } as Gate;
	gate.server = createServer(async (req, res) => {
		req.resume();
		await once(req, 'end');
		if (req.method === 'GET' && req.url?.startsWith(`/v1/messages/batches/${ID}/results`)) {
			res.writeHead(200, { 'content-type': 'application/x-jsonl', 'request-id': 'req_gate' });
			res.write(resultLines(0, HELD_BACK_AFTER));
			await released;
			for (let i = HELD_BACK_AFTER; i < COUNT; i += 1000)
				if (!res.write(resultLines(i, i + 1000))) await once(res, 'drain');
			res.end(() => (gate.finished = true));
		} else if (req.method === 'POST' && req.url?.startsWith('/v1/messages/batches')) {
			res.writeHead(200, { 'content-type': 'application/json', 'request-id': 'req_gate' });
			res.end(
				JSON.stringify({
					id: ID,
					type: 'message_batch',
					processing_status: 'ended',
					request_counts: { processing: 0, succeeded: 1, errored: 0, canceled: 0, expired: 0 },
					ended_at: '2024-12-01T10:00:05.000000+00:00',
					created_at: '2024-12-01T10:00:00.000000+00:00',
					expires_at: '2024-12-02T10:00:00.000000+00:00',
					cancel_initiated_at: null,
					archived_at: null,
					results_url: `${gate.url}/v1/messages/batches/${ID}/results`
				})
			);
		} else {
			res.writeHead(404, { 'content-type': 'application/json' });
			res.end(
				JSON.stringify({
					type: 'error',
					error: { type: 'not_found_error', message: 'gate: not here' }
				})
			);
		}
	});
	await new Promise<void>((r) => gate.server.listen(0, '127.0.0.1', r));
	const address = gate.server.address();
	gate.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
	return gate;
}

let gate: Gate;
let app: AppProcess;

beforeAll(async () => {
	gate = await startGate();
	app = await startApp({
		ANTHROPIC_API_KEY: CANARY_KEY,
		ANTHROPIC_BASE_URL: gate.url,
		MAX_BODY_BYTES: '1024',
		MAX_BATCH_BODY_BYTES: '4096'
	});
});

afterAll(async () => {
	gate?.release();
	await app?.stop();
	gate?.server.closeAllConnections();
	await new Promise((r) => gate?.server.close(r));
});

describe('batch results through the proxy', () => {
	it(`streams ${COUNT} result lines, the first before the upstream has finished`, async () => {
		const res = await fetch(`${app.url}/api/v1/messages/batches/${ID}/results`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/x-jsonl');
		const reader = res.body!.getReader();
		const decoder = new TextDecoder();
		let text = '';
		while (!text.includes('\n')) {
			const { done, value } = await reader.read();
			if (done) break;
			text += decoder.decode(value, { stream: true });
		}
		expect(gate.finished).toBe(false);
		expect(JSON.parse(text.slice(0, text.indexOf('\n'))).custom_id).toBe('row-0');

		gate.release();
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			text += decoder.decode(value, { stream: true });
		}
		const lines = text.split('\n');
		expect(lines.pop()).toBe('');
		expect(lines).toHaveLength(COUNT);
		expect(lines.every((l) => l.length > 0)).toBe(true);
		expect(JSON.parse(lines[COUNT - 1]).custom_id).toBe(`row-${COUNT - 1}`);
		expect(text).toBe(resultLines(0, COUNT));
	});
});

describe('batch create through the proxy', () => {
	const request = (i: number) => ({
		custom_id: `r-${i}`,
		params: {
			model: 'claude-haiku-4-5-20251001',
			max_tokens: 10,
			messages: [{ role: 'user', content: `Question ${i}` }]
		}
	});
	const create = (count: number) =>
		fetch(`${app.url}/api/v1/messages/batches`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ requests: Array.from({ length: count }, (_, i) => request(i)) })
		});

	it('accepts a body over MAX_BODY_BYTES but under MAX_BATCH_BODY_BYTES, pointing results_url at the app', async () => {
		const res = await create(15); // about 2 KB
		expect(res.status).toBe(200);
		const text = await res.text();
		expect(text).not.toContain(CANARY_KEY);
		expect(JSON.parse(text).results_url).toBe(`${app.url}/api/v1/messages/batches/${ID}/results`);
	});

	it('checks the envelope itself: a duplicate custom_id is a 400 naming the field', async () => {
		const res = await fetch(`${app.url}/api/v1/messages/batches`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ requests: [request(1), request(1)] })
		});
		expect(res.status).toBe(400);
		const body = await res.json();
		expect(body).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
		expect(body.error.message).toMatch(/^requests\.1\.custom_id: duplicate/);
	});

	it('answers a path that cannot hold a batch id with the API-shaped 404', async () => {
		const res = await fetch(`${app.url}/api/v1/messages/batches/not-a-batch/cancel`, {
			method: 'POST'
		});
		expect(res.status).toBe(404);
		expect(await res.json()).toMatchObject({ type: 'error', error: { type: 'not_found_error' } });
	});

	it('refuses a body over MAX_BATCH_BODY_BYTES with 413 request_too_large', async () => {
		const res = await create(40); // about 5 KB
		expect(res.status).toBe(413);
		expect(await res.json()).toMatchObject({ type: 'error', error: { type: 'request_too_large' } });
	});
});
