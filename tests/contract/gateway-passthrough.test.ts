import Anthropic, { NotFoundError, toFile } from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startReplayServer, type ReplayRecord } from '../support/replay-server';
import { CANARY_KEY, startApp, type AppProcess } from '../support/servers';

/**
 * Issue 13 items 1-3 with the official SDK 1.14 driving the built app in real-key mode, with
 * a stand-in upstream that records what reaches it: SDK-valid bodies, SDK-set headers and
 * endpoints the gateway does not model arrive unchanged; the client's credentials never do.
 */
let app: AppProcess;
let replay: Awaited<ReturnType<typeof startReplayServer>>;

beforeAll(async () => {
	replay = await startReplayServer();
	app = await startApp({ ANTHROPIC_API_KEY: CANARY_KEY, ANTHROPIC_BASE_URL: replay.url });
});
afterAll(async () => {
	await app?.stop();
	await new Promise((r) => replay?.server.close(r));
});

interface Sent {
	url: string;
	headers: Headers;
	body: Buffer;
}

const CLIENT_KEY = 'sk-ant-client-side-key-3c1d';

/** The SDK, with a fetch that keeps the exact bytes and headers it sent. */
function recordingClient(baseURL: string, opts: { workspace?: string } = {}) {
	const sent: Sent[] = [];
	const client = new Anthropic({
		baseURL,
		apiKey: CLIENT_KEY,
		maxRetries: 0,
		...(opts.workspace ? { defaultHeaders: { 'anthropic-workspace-id': opts.workspace } } : {}),
		fetch: async (url, init) => {
			const request = new Request(url, init);
			sent.push({
				url: request.url,
				headers: request.headers,
				body: Buffer.from(await request.clone().arrayBuffer())
			});
			return fetch(request);
		}
	});
	return { client, sent };
}

/** Path and query as the SDK sent them, less the app's `/api` prefix. */
function upstreamUrl(sent: Sent): string {
	const url = new URL(sent.url);
	return url.pathname.replace(/^\/api/, '') + url.search;
}

function expectNoClientCredential(record: ReplayRecord) {
	const seen = JSON.stringify(record.headers);
	expect(seen).not.toContain(CLIENT_KEY);
	expect(record.headers['x-api-key']).toBeUndefined();
	expect(record.headers.authorization).toBe(`Bearer ${CANARY_KEY}`);
}

const base = { model: 'claude-haiku-4-5', metadata: { user_id: 'echo' } };

describe('SDK-valid bodies reach the upstream byte for byte', () => {
	it.each([
		[
			'max_tokens 0',
			{ ...base, max_tokens: 0, messages: [{ role: 'user' as const, content: 'warm the cache' }] }
		],
		[
			'a system-role message',
			{
				...base,
				max_tokens: 20,
				messages: [
					{ role: 'system' as const, content: 'Answer in French.' },
					{ role: 'user' as const, content: 'Hi' }
				]
			}
		],
		[
			'file sources, a null custom tool type, top-level cache_control null',
			{
				...base,
				max_tokens: 20,
				cache_control: null,
				tools: [{ type: null, name: 'lookup', input_schema: { type: 'object' as const } }],
				messages: [
					{
						role: 'user' as const,
						content: [
							{ type: 'image' as const, source: { type: 'file' as const, file_id: 'file_img' } },
							{ type: 'document' as const, source: { type: 'file' as const, file_id: 'file_doc' } },
							{ type: 'text' as const, text: 'Compare them.' }
						]
					}
				]
			}
		],
		[
			'unknown fields, blocks and tool types',
			{
				...base,
				max_tokens: 20,
				future_param: { deep: [1, 2.5, 'é'] },
				tools: [{ type: 'hologram_20270101', name: 'holo', range: 3 }],
				messages: [
					{ role: 'user' as const, content: [{ type: 'hologram', payload: 'x', extra: null }] }
				]
			}
		]
	])('%s', async (_name, body) => {
		const { client, sent } = recordingClient(app.url + '/api');
		const message = await client.messages.create(body as Anthropic.MessageCreateParamsNonStreaming);
		expect(message.id).toBe('msg_01echo');
		const record = replay.records.at(-1)!;
		expect(record.url).toBe(upstreamUrl(sent.at(-1)!));
		expect(record.raw.equals(sent.at(-1)!.body)).toBe(true);
		expectNoClientCredential(record);
	});

	it('keeps bytes the SDK would not produce: spacing, key order, escapes', async () => {
		const text =
			'{ "max_tokens":5,"model" : "claude-haiku-4-5","messages":[{"role":"user","content":"caf\\u00e9 1.0"}],"metadata":{"user_id":"echo"}}';
		const res = await fetch(app.url + '/api/v1/messages', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: text
		});
		expect(res.status).toBe(200);
		expect(replay.records.at(-1)!.body).toBe(text);
	});

	it('a batch create with SDK-valid requests goes through whole', async () => {
		const before = replay.records.length;
		const { client } = recordingClient(app.url + '/api');
		const requests = [
			{
				custom_id: 'warm',
				params: {
					model: 'claude-haiku-4-5',
					max_tokens: 0,
					messages: [{ role: 'user' as const, content: 'x' }]
				}
			},
			{
				custom_id: 'sys',
				params: {
					model: 'claude-haiku-4-5',
					max_tokens: 5,
					messages: [
						{ role: 'system' as const, content: 'Be brief.' },
						{ role: 'user' as const, content: 'x' }
					]
				}
			}
		];
		// The stand-in has no batches; reaching it (its 404) is the point.
		await expect(client.messages.batches.create({ requests })).rejects.toBeInstanceOf(
			NotFoundError
		);
		const record = replay.records.at(-1)!;
		expect(replay.records.length).toBe(before + 1);
		expect(record.url).toBe('/v1/messages/batches');
		expect(JSON.parse(record.body)).toEqual({ requests });
	});
});

describe('SDK-set headers reach the upstream unchanged', () => {
	it('version, beta, workspace and user profile; never the client key', async () => {
		const { client, sent } = recordingClient(app.url + '/api', { workspace: 'wrkspc_team' });
		await client.beta.messages.create({
			...base,
			max_tokens: 5,
			betas: ['context-management-2025-06-27', 'files-api-2025-04-14'],
			user_profile_id: 'up_01',
			messages: [{ role: 'user', content: 'hi' }]
		});
		const record = replay.records.at(-1)!;
		expect(record.url).toBe(upstreamUrl(sent.at(-1)!));
		const client_ = sent.at(-1)!.headers;
		expect(client_.get('anthropic-version')).toBe('2026-10-21');
		expect(record.headers['anthropic-version']).toBe(client_.get('anthropic-version'));
		expect(record.headers['anthropic-beta']).toBe(client_.get('anthropic-beta'));
		expect(record.headers['anthropic-beta']).toBe(
			'context-management-2025-06-27,files-api-2025-04-14'
		);
		expect(record.headers['anthropic-workspace-id']).toBe('wrkspc_team');
		expect(record.headers['anthropic-user-profile-id']).toBe('up_01');
		expectNoClientCredential(record);
	});

	it('an older anthropic-version as sent; x-api-key and Bearer clients alike', async () => {
		for (const auth of [
			{ 'x-api-key': CLIENT_KEY },
			{ authorization: `Bearer ${CLIENT_KEY}` }
		] as Record<string, string>[]) {
			const res = await fetch(app.url + '/api/v1/messages', {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01', ...auth },
				body: JSON.stringify({
					...base,
					max_tokens: 5,
					temperature: 0.2,
					messages: [{ role: 'user', content: 'hi' }]
				})
			});
			expect(res.status).toBe(200);
			const record = replay.records.at(-1)!;
			expect(record.headers['anthropic-version']).toBe('2023-06-01');
			expectNoClientCredential(record);
		}
	});
});

describe('endpoints the gateway does not model pass through', () => {
	it('GET /v1/skills: the SDK pages it, headers kept but cookies, the key never leaves', async () => {
		const { client, sent } = recordingClient(app.url + '/api');
		const skills = [];
		for await (const skill of client.beta.skills.list({ limit: 2, betas: ['skills-2025-10-02'] }))
			skills.push(skill.id);
		expect(skills).toEqual(['skill_01', 'skill_02']);
		const record = replay.records.at(-1)!;
		expect(record.method).toBe('GET');
		expect(record.url).toBe(upstreamUrl(sent.at(-1)!));
		expect(record.url).toMatch(/^\/v1\/skills\?limit=2/);
		expect(record.headers['anthropic-beta']).toBe('skills-2025-10-02');
		expectNoClientCredential(record);
		const res = await fetch(app.url + '/api/v1/skills?limit=2&limit=3', {
			headers: { 'x-api-key': CLIENT_KEY }
		});
		expect(replay.records.at(-1)!.url).toBe('/v1/skills?limit=2&limit=3');
		expect(res.headers.get('request-id')).toBe('req_skills');
		expect(res.headers.get('x-upstream-extra')).toBe('kept');
		expect(res.headers.get('set-cookie')).toBeNull();
	});

	it('multipart POST /v1/files: the upload arrives byte for byte', async () => {
		const { client, sent } = recordingClient(app.url + '/api');
		const content = Buffer.concat([
			Buffer.from('line one\n'),
			Buffer.from([0, 255, 128, 10]),
			Buffer.alloc(300_000, 'x')
		]);
		const file = await client.beta.files.upload({
			file: await toFile(content, 'notes.txt', { type: 'text/plain' }),
			betas: ['files-api-2025-04-14']
		});
		expect(file.id).toBe('file_replay');
		expect(file.filename).toBe('notes.txt');
		const record = replay.records.at(-1)!;
		const upload = sent.at(-1)!;
		expect(record.url).toBe(upstreamUrl(upload));
		expect(record.headers['content-type']).toBe(upload.headers.get('content-type'));
		expect(record.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(record.raw.equals(upload.body)).toBe(true);
		expect(record.raw.includes(content)).toBe(true);
		expect(record.headers['anthropic-beta']).toBe('files-api-2025-04-14');
		expectNoClientCredential(record);
	});

	it('streams an upload on as it arrives, not after it ends', async () => {
		let sendRest!: () => void;
		const rest = new Promise<void>((r) => (sendRest = r));
		const body = new ReadableStream<Uint8Array>({
			async start(c) {
				c.enqueue(new TextEncoder().encode('first part;'));
				await rest;
				c.enqueue(new TextEncoder().encode('second part'));
				c.close();
			}
		});
		const url = '/v1/files?probe=' + crypto.randomUUID();
		const answer = fetch(app.url + '/api' + url, {
			method: 'POST',
			headers: { 'content-type': 'application/octet-stream', 'x-api-key': CLIENT_KEY },
			body,
			duplex: 'half'
		} as RequestInit);
		// Only a gateway that streams lets the upstream see bytes while the client still holds the rest.
		await expect
			.poll(() => replay.firstBytes.includes(url), { timeout: 10_000, interval: 20 })
			.toBe(true);
		sendRest();
		expect((await answer).status).toBe(200);
		expect(replay.records.at(-1)!.body).toBe('first part;second part');
	});

	it('binary downloads come back byte for byte', async () => {
		const res = await fetch(app.url + '/api/v1/files/file_replay/content', {
			headers: { 'x-api-key': CLIENT_KEY }
		});
		expect(res.status).toBe(200);
		expect(res.headers.get('content-disposition')).toBe('attachment; filename="bytes.bin"');
		expect([...new Uint8Array(await res.arrayBuffer())]).toEqual(
			Array.from({ length: 256 }, (_, i) => i)
		);
	});

	it('the server key is scrubbed from whatever the upstream echoes', async () => {
		const res = await fetch(app.url + '/api/v1/echo-headers', {
			method: 'PUT',
			headers: { 'x-api-key': CLIENT_KEY }
		});
		expect(res.status).toBe(200);
		const text = await res.text();
		expect(replay.records.at(-1)!.headers.authorization).toBe(`Bearer ${CANARY_KEY}`);
		expect(text).not.toContain(CANARY_KEY);
		expect(text).toContain('Bearer [redacted]');
		expect(res.headers.get('x-echo-auth')).toBe('Bearer [redacted]');
	});

	it('upstream errors pass with their status and body', async () => {
		const res = await fetch(app.url + '/api/v1/agents/agent_x', {
			headers: { 'x-api-key': CLIENT_KEY }
		});
		expect(res.status).toBe(404);
		expect((await res.json()).error.type).toBe('not_found_error');
		expect(replay.records.at(-1)!.url).toBe('/v1/agents/agent_x');
	});
});

describe('on the simulator backend', () => {
	const appUrl = () => inject('appUrl');

	it('unmodelled endpoints are a 404 naming the endpoint; non-/v1 paths keep their 404', async () => {
		const client = new Anthropic({ baseURL: appUrl() + '/api', apiKey: CLIENT_KEY, maxRetries: 0 });
		const error = await client.beta.skills.list().catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NotFoundError);
		expect((error as NotFoundError).error).toMatchObject({
			type: 'error',
			error: { type: 'not_found_error', message: 'the simulator does not model GET /v1/skills' }
		});
		const other = await fetch(appUrl() + '/api/nothing-here', { method: 'POST' });
		expect(other.status).toBe(404);
		expect((await other.json()).error.message).toBe('Not found: POST /api/nothing-here');
	});

	it.each([
		['standalone simulator', () => inject('simulatorUrl')],
		['app /api', () => inject('appUrl') + '/api']
	])('max_tokens 0 and system-role messages work on the %s', async (_name, url) => {
		const client = new Anthropic({ baseURL: url(), apiKey: CLIENT_KEY, maxRetries: 0 });
		const warm = await client.messages.create({
			model: 'claude-haiku-4-5',
			max_tokens: 0,
			messages: [{ role: 'user', content: 'Hi' }]
		});
		expect(warm.content).toEqual([]);
		expect(warm.stop_reason).toBe('max_tokens');
		expect(warm.usage.output_tokens).toBe(0);
		const withSystem = await client.messages.create({
			model: 'claude-haiku-4-5',
			max_tokens: 50,
			messages: [
				{ role: 'system', content: 'Be brief.' },
				{ role: 'user', content: 'Hi' }
			]
		});
		expect(withSystem.content[0].type).toBe('text');
	});
});
