import { describe, expect, it } from 'vitest';
import { BUNDLED_CATALOG } from '$lib/catalog';
import { enrichModels } from '$lib/server/models/enrich';
import { ModelsCache } from '$lib/server/models/cache';

describe('/api/v1/models adds the catalog to the upstream answer', () => {
	const upstream = {
		data: [
			{
				type: 'model',
				id: 'claude-opus-5',
				display_name: 'Claude Opus 5',
				created_at: '2026-07-24T00:00:00Z',
				lifecycle: 'active'
			},
			{
				type: 'model',
				id: 'claude-brand-new-9',
				display_name: 'New',
				created_at: '2026-12-01T00:00:00Z',
				lifecycle: 'active'
			}
		],
		has_more: false,
		first_id: 'claude-opus-5',
		last_id: 'claude-brand-new-9'
	};

	it('adds prices to known models, keeps upstream fields and unknown models as they are', () => {
		const out = enrichModels(upstream, BUNDLED_CATALOG) as typeof upstream & {
			data: Record<string, any>[];
		};
		expect(out.data[0]).toMatchObject({
			...upstream.data[0],
			x_catalog: { price: { input: 5, output: 25 }, checked: '2026-11-30' }
		});
		expect(out.data[1]).toEqual(upstream.data[1]);
		expect(out.has_more).toBe(false);
		// One model (a retrieve) too, resolving through aliases.
		const one = enrichModels(
			{ type: 'model', id: 'claude-haiku-4-5-20251001' },
			BUNDLED_CATALOG
		) as Record<string, any>;
		expect(one.x_catalog.aliases).toEqual(['claude-haiku-4-5']);
		// Anything else (an error body) passes untouched.
		const error = { type: 'error', error: { type: 'not_found_error', message: 'x' } };
		expect(enrichModels(error, BUNDLED_CATALOG)).toBe(error);
	});

	it('keeps an answer for the TTL, then asks upstream again', async () => {
		let now = 0;
		const cache = new ModelsCache(5 * 60_000, () => now);
		cache.put('/v1/models?{}', '{"data":[]}', new Headers({ 'content-type': 'application/json' }));
		now = 5 * 60_000 - 1;
		const hit = cache.get('/v1/models?{}')!;
		expect(hit.headers.get('x-models-cache')).toBe('hit');
		expect(await hit.text()).toBe('{"data":[]}');
		now = 5 * 60_000;
		expect(cache.get('/v1/models?{}')).toBeUndefined();
	});
});
