import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReplayServer } from '../support/replay-server';
import { CANARY_KEY, startApp, type AppProcess } from '../support/servers';

/**
 * The node fast path (src/lib/server/fast, mounted by scripts/start.js) against the Kit routes
 * it stands in front of: the same app twice on the same replay upstream, once with FAST_PATH=off,
 * must answer every case alike (status, headers, body), and the log says which path served it.
 */
let fast: AppProcess;
let kit: AppProcess;
let replay: Awaited<ReturnType<typeof startReplayServer>>;

const MODEL = 'claude-haiku-4-5-20251001';

beforeAll(async () => {
	replay = await startReplayServer();
	const env = {
		ANTHROPIC_API_KEY: CANARY_KEY,
		ANTHROPIC_BASE_URL: replay.url,
		TRUSTED_USER_HEADER: 'x-forwarded-user',
		TRUSTED_PROXIES: '127.0.0.1',
		MODEL_ALLOWLIST: MODEL
	};
	[fast, kit] = await Promise.all([startApp(env), startApp({ ...env, FAST_PATH: 'off' })]);
});
afterAll(async () => {
	await Promise.all([fast?.stop(), kit?.stop()]);
	await new Promise((r) => replay?.server.close(r));
});

interface Case {
	name: string;
	method?: string;
	path?: string;
	headers?: Record<string, string>;
	body?: string;
}

const message = (extra: Record<string, unknown> = {}) =>
	JSON.stringify({
		model: MODEL,
		max_tokens: 50,
		messages: [{ role: 'user', content: 'hi' }],
		...extra
	});
const signedIn = { 'content-type': 'application/json', 'x-forwarded-user': 'fay' };

const CASES: Case[] = [
	{
		name: 'a recorded stream',
		body: message({ stream: true, metadata: { user_id: 'replay:stream-thinking.sse' } })
	},
	{ name: 'a plain answer', body: message({ metadata: { user_id: 'echo' } }) },
	{
		name: 'an upstream 429',
		body: message({ metadata: { user_id: 'error:429:error-429-rate_limit_error.json' } })
	},
	{
		name: 'an upstream 529 stream',
		body: message({
			stream: true,
			metadata: { user_id: 'error:529:error-529-overloaded_error.json' }
		})
	},
	{
		name: 'an upstream 404 (not JSON the SDK knows)',
		body: message({ metadata: { user_id: 'nothing' } })
	},
	{
		name: 'a body that breaks the schema',
		body: JSON.stringify({ model: MODEL, max_tokens: 'many' })
	},
	{ name: 'broken JSON', body: '{"model":' },
	{ name: 'an empty body', body: '' },
	{ name: 'an array', body: '[]' },
	{ name: 'a model off the allowlist', body: message({ model: 'claude-opus-4-1' }) },
	{ name: 'no user (the gate)', headers: { 'content-type': 'application/json' }, body: message() },
	{
		name: 'a cross-site origin',
		headers: { ...signedIn, origin: 'https://evil.example' },
		body: message()
	},
	{
		name: 'a revoked API token',
		headers: { ...signedIn, 'x-api-key': 'mpg_' + 'x'.repeat(32) },
		body: message()
	},
	{
		name: 'count_tokens',
		path: '/api/v1/messages/count_tokens',
		body: JSON.stringify({ model: MODEL, messages: [{ role: 'user', content: 'hi' }] })
	},
	{ name: 'count_tokens, broken', path: '/api/v1/messages/count_tokens', body: '{}' },
	{
		name: "someone else's batch results",
		method: 'GET',
		path: '/api/v1/messages/batches/msgbatch_01nobody/results'
	}
];

async function call(app: AppProcess, c: Case) {
	const res = await fetch(app.url + (c.path ?? '/api/v1/messages'), {
		method: c.method ?? 'POST',
		headers: c.headers ?? signedIn,
		body: c.method === 'GET' ? undefined : c.body
	});
	const body = Buffer.from(await res.arrayBuffer()).toString('utf8');
	const ours = res.headers.get('x-request-id') ?? '';
	const headers = Object.fromEntries(
		[...res.headers]
			.filter(([name]) => !['date', 'x-request-id', 'keep-alive', 'connection'].includes(name))
			.map(([name, value]) => [name, value.replaceAll(ours, 'REQ')])
	);
	return { status: res.status, headers, body: body.replaceAll(ours, 'REQ'), requestId: ours };
}

function logLine(app: AppProcess, requestId: string) {
	const line = app
		.output()
		.split('\n')
		.find((l) => l.includes(`"requestId":"${requestId}"`) && l.includes('"msg":"request"'));
	return line ? (JSON.parse(line) as { fast?: boolean; status: number; user: string }) : undefined;
}

describe('the node fast path', () => {
	it.each(CASES)('answers $name as the Kit route does, and says it served it', async (c) => {
		const [a, b] = [await call(fast, c), await call(kit, c)];
		expect(a.status).toBe(b.status);
		expect(a.headers).toEqual(b.headers);
		expect(a.body).toBe(b.body);
		await expect
			.poll(() => logLine(fast, a.requestId))
			.toMatchObject({ fast: true, status: a.status });
		await expect.poll(() => logLine(kit, b.requestId)).toBeDefined();
		expect(logLine(kit, b.requestId)?.fast).toBeUndefined();
		expect(a.body).not.toContain(CANARY_KEY);
	});

	it('closes the upstream request when the client leaves mid-stream, and logs a 200', async () => {
		const abort = new AbortController();
		const res = await fetch(fast.url + '/api/v1/messages', {
			method: 'POST',
			headers: signedIn,
			body: message({ stream: true, metadata: { user_id: 'slow' } }),
			signal: abort.signal
		});
		const reader = res.body!.getReader();
		expect(new TextDecoder().decode((await reader.read()).value)).toContain('event: ping');
		const record = replay.records.findLast((r) => r.body.includes('"slow"'))!;
		expect(record.closedEarly).toBe(false);
		abort.abort();
		await expect.poll(() => record.closedEarly).toBe(true);
		await expect
			.poll(() => logLine(fast, res.headers.get('x-request-id')!))
			.toMatchObject({ fast: true, status: 200 });
	});

	it('leaves every other route to Kit', async () => {
		const res = await fetch(fast.url + '/api/v1/messages/batches', { headers: signedIn });
		const id = res.headers.get('x-request-id')!;
		await expect.poll(() => logLine(fast, id)).toBeDefined();
		expect(logLine(fast, id)?.fast).toBeUndefined();
	});
});
