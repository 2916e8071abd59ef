import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import {
	SDK_API_VERSION,
	forwardedRequestHeaders,
	forwardedResponseHeaders,
	relayedResponseHeaders
} from '$lib/server/upstream/headers';

describe('request headers sent upstream', () => {
	it('forwards every anthropic-* header as sent, and never a credential, cookie or other header', () => {
		const incoming = new Headers({
			'anthropic-version': '2023-06-01',
			'anthropic-beta': 'files-api-2025-04-14,skills-2025-10-02',
			'anthropic-workspace-id': 'wrkspc_1',
			'anthropic-user-profile-id': 'up_1',
			'anthropic-some-future-header': 'x',
			'anthropic-admin-key': 'sk-ant-admin-secret',
			'anthropic-session-token': 'secret',
			'x-api-key': 'client-key',
			authorization: 'Bearer client-token',
			cookie: 'pg_session=abc',
			'user-agent': 'curl/8',
			'x-simulator-fault': 'overloaded'
		});
		expect(forwardedRequestHeaders(incoming)).toEqual({
			'anthropic-version': '2023-06-01',
			'anthropic-beta': 'files-api-2025-04-14,skills-2025-10-02',
			'anthropic-workspace-id': 'wrkspc_1',
			'anthropic-user-profile-id': 'up_1',
			'anthropic-some-future-header': 'x',
			'x-simulator-fault': 'overloaded'
		});
	});

	it('defaults to the API version the installed SDK sends', async () => {
		let seen: string | null = null;
		const client = new Anthropic({
			apiKey: 'k',
			baseURL: 'http://sdk.invalid',
			maxRetries: 0,
			fetch: async (_url, init) => {
				seen = new Headers(init?.headers).get('anthropic-version');
				return new Response('{"data":[],"has_more":false,"first_id":null,"last_id":null}', {
					headers: { 'content-type': 'application/json' }
				});
			}
		});
		await client.models.list();
		expect(seen).toBe(SDK_API_VERSION);
	});
});

describe('response headers returned to the client', () => {
	const upstream = new Headers({
		'content-type': 'application/octet-stream',
		'content-length': '10',
		'content-encoding': 'gzip',
		'content-disposition': 'attachment; filename="a.pdf"',
		'transfer-encoding': 'chunked',
		connection: 'keep-alive, x-hop',
		'x-hop': '1',
		'keep-alive': 'timeout=5',
		'set-cookie': 'cf=1',
		'request-id': 'req_1',
		'anthropic-workspace-id': 'wrkspc_1',
		'x-debug': 'key=sk-live'
	});

	it('on modelled endpoints: ids, limits, retry hints and the workspace', () => {
		const out = forwardedResponseHeaders(upstream);
		expect([...out.keys()].sort()).toEqual([
			'anthropic-workspace-id',
			'content-type',
			'request-id'
		]);
	});

	it('on relayed endpoints: everything but hop-by-hop headers, stale length/encoding and cookies, scrubbed', () => {
		const out = relayedResponseHeaders(upstream, (v) => v.replace('sk-live', '[redacted]'));
		expect(Object.fromEntries(out)).toEqual({
			'content-type': 'application/octet-stream',
			'content-disposition': 'attachment; filename="a.pdf"',
			'request-id': 'req_1',
			'anthropic-workspace-id': 'wrkspc_1',
			'x-debug': 'key=[redacted]'
		});
	});
});
