import { afterEach, describe, expect, it, vi } from 'vitest';
import { PromptDetailState } from '$lib/state/prompt-detail.svelte';
import { PromptListState, SEARCH_DELAY_MS } from '$lib/state/prompt-list.svelte';

type Call = { url: string; method: string; body: unknown };

const VERSION = {
	version: 1,
	name: 'Triage',
	document: { request: { model: 'm' }, betas: [] },
	created_by: 'ada',
	created_at: '2026-01-01T00:00:00.000Z'
};
const json = (body: unknown, status = 200) =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** Answers by method and path; records every call. */
function server(route: (call: Call) => Response) {
	const calls: Call[] = [];
	vi.stubGlobal(
		'fetch',
		vi.fn(async (url: string, init: RequestInit = {}) => {
			const call = {
				url,
				method: init.method ?? 'GET',
				body: init.body ? JSON.parse(init.body as string) : undefined
			};
			calls.push(call);
			return route(call);
		})
	);
	return calls;
}

afterEach(() => {
	vi.unstubAllGlobals();
	vi.useRealTimers();
});

describe('PromptDetailState', () => {
	it('renames through PATCH and reads the versions again', async () => {
		let versions = [VERSION];
		const calls = server((c) => {
			if (c.method === 'PATCH') {
				versions = [{ ...VERSION, version: 2, name: 'Renamed' }, VERSION];
				return json({ id: 'p1', name: 'Renamed', version: 2 });
			}
			return json({ id: 'p1', owner: 'ada', shared: true, versions });
		});
		const detail = new PromptDetailState('p1');
		await detail.load();
		expect(detail.name).toBe('Triage');
		expect(await detail.rename('Renamed')).toBe(true);
		expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({
			url: '/api/prompts/p1',
			body: { name: 'Renamed' }
		});
		expect(detail.name).toBe('Renamed');
	});

	it("shows the server's reason when a delete is refused, and resolves false", async () => {
		server((c) =>
			c.method === 'DELETE'
				? json(
						{
							type: 'error',
							error: {
								type: 'permission_error',
								message: 'Only the owner of saved prompt p1 (ada)'
							}
						},
						403
					)
				: json({ id: 'p1', owner: 'ada', shared: true, versions: [VERSION] })
		);
		const detail = new PromptDetailState('p1');
		await detail.load();
		expect(await detail.remove()).toBe(false);
		expect(detail.error).toMatch(/Only the owner/);
		expect(detail.isBusy).toBe(false);
	});
});

describe('PromptListState', () => {
	it('searches once, a moment after the last keystroke', async () => {
		vi.useFakeTimers();
		const calls = server(() => json({ data: [] }));
		const list = new PromptListState();
		list.search('t');
		list.search('tri');
		await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS);
		expect(calls.map((c) => c.url)).toEqual(['/api/prompts?q=tri']);
		expect(list.prompts).toEqual([]);
		list.dispose();
	});
});
