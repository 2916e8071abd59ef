import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openStore, type Store } from '../../../../src/lib/server/store';
import { filesGateway } from '../../../../src/lib/server/gateway/files';
import { outputFileRecorder } from '../../../../src/lib/server/gateway/files-outputs';
import { HttpProblem } from '../../../../src/lib/server/http';
import { inProcessSimulator } from '../../../support/in-process-sim';

const dir = mkdtempSync(join(tmpdir(), 'files-gateway-'));
let store: Store;
const { simulator } = inProcessSimulator({ maxFileBytes: 4096 });
afterAll(() => store?.close());

/** One call through the gateway's Files handling, relayed to the in-process simulator. */
async function call(
	user: string,
	method: string,
	apiPath: string,
	body?: BodyInit,
	headers: Record<string, string> = {}
) {
	store ??= await openStore({ sqliteFile: join(dir, 'store.sqlite') });
	const request = new Request(`http://app.test/api${apiPath}`, { method, body, headers });
	const relay = () =>
		simulator.fetch(
			new Request(`http://simulator.invalid${apiPath}`, {
				method,
				body: body ?? null,
				headers: { 'x-api-key': 'server-key', 'anthropic-version': '2023-06-01', ...headers }
			})
		);
	try {
		return await filesGateway(request, apiPath.split('?')[0], user, {
			owners: store,
			relay,
			maxUploadBytes: 4096
		});
	} catch (e) {
		if (e instanceof HttpProblem) return e.toResponse();
		throw e;
	}
}

function form(name: string, text: string) {
	const f = new FormData();
	f.set('file', new File([text], name, { type: 'text/plain' }));
	return f;
}

describe('Files through the gateway: each file belongs to its uploader', () => {
	it('lists, reads and deletes only one’s own files; others get a 404', async () => {
		const alice = await (
			await call('alice', 'POST', '/v1/files', form('a.txt', 'Alice wrote this.'))
		).json();
		const bob = await (
			await call('bob', 'POST', '/v1/files', form('b.txt', 'Bob wrote this.'))
		).json();
		expect(alice.id).toMatch(/^file_/);

		const aliceList = await (await call('alice', 'GET', '/v1/files')).json();
		expect(aliceList.data.map((f: { id: string }) => f.id)).toEqual([alice.id]);
		const bobBeta = await (
			await call('bob', 'GET', '/v1/files?limit=10', undefined, {
				'anthropic-beta': 'files-api-2025-04-14'
			})
		).json();
		expect(bobBeta).toMatchObject({ first_id: bob.id, last_id: bob.id });
		expect(bobBeta.data).toHaveLength(1);

		expect((await call('bob', 'GET', `/v1/files/${alice.id}`)).status).toBe(404);
		const hidden = await (await call('bob', 'DELETE', `/v1/files/${alice.id}`)).json();
		expect(hidden).toMatchObject({
			type: 'error',
			error: { type: 'not_found_error', message: `File not found: ${alice.id}` }
		});
		expect((await call('bob', 'GET', `/v1/files/${alice.id}/content`)).status).toBe(404);
		expect((await call('alice', 'GET', `/v1/files/${alice.id}`)).status).toBe(200);

		expect((await call('alice', 'DELETE', `/v1/files/${alice.id}`)).status).toBe(200);
		expect(await store.fileOwner(alice.id)).toBeUndefined();
		expect((await call('alice', 'GET', `/v1/files/${alice.id}`)).status).toBe(404);
		expect(await store.listOwnedFiles('bob')).toEqual([bob.id]);
	});

	it('refuses an oversized upload with 413 before it goes upstream', async () => {
		const big = await call('carol', 'POST', '/v1/files', 'x'.repeat(100_000), {
			'content-length': '100000',
			'content-type': 'multipart/form-data; boundary=x'
		});
		expect(big.status).toBe(413);
		expect(await big.json()).toMatchObject({ type: 'error', error: { type: 'request_too_large' } });
		expect(await store.listOwnedFiles('carol')).toEqual([]);
	});
});

describe('files a tool made', () => {
	it('are recorded for the user whose answer carried them, even when the id is cut across chunks', async () => {
		store ??= await openStore({ sqliteFile: join(dir, 'store.sqlite') });
		const record = outputFileRecorder(async () => store, 'dora');
		const event =
			'data: {"type":"content_block_start","content_block":{"content":{"content":[{"type":"bash_code_execution_output","file_id":"file_011CToolMade"}]}}}\n';
		const bytes = new TextEncoder().encode(event);
		record(bytes.slice(0, 90));
		record(bytes.slice(90));
		await vi.waitFor(async () =>
			expect(await store.listOwnedFiles('dora')).toEqual(['file_011CToolMade'])
		);
	});
});
