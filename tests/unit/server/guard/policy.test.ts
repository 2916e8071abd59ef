import { describe, expect, it } from 'vitest';
import { loadConfig } from '$lib/server/config';
import { enforceRequestPolicy } from '$lib/server/guard/policy';
import { memoryCounter } from '$lib/server/guard/counter';
import { HttpProblem } from '$lib/server/http';

describe('request policy', () => {
	const config = loadConfig({
		MODEL_ALLOWLIST: 'claude-3-5-haiku-20241022, claude-3-5-sonnet-20241022',
		MAX_TOKENS_CAP: '2048'
	});
	it('lets allowed models under the cap through', () => {
		expect(() =>
			enforceRequestPolicy({ model: 'claude-3-5-haiku-20241022', max_tokens: 2048 }, config)
		).not.toThrow();
	});
	it('refuses a model outside the allowlist with a permission_error naming it', () => {
		const e = (() => {
			try {
				enforceRequestPolicy({ model: 'claude-3-opus-20240229', max_tokens: 10 }, config);
			} catch (err) {
				return err;
			}
		})() as HttpProblem;
		expect(e).toBeInstanceOf(HttpProblem);
		expect(e.status).toBe(403);
		expect(e.message).toMatch(/^model: claude-3-opus-20240229 is not allowed/);
	});
	it('refuses max_tokens above the cap, naming the batch row path when given', () => {
		expect(() =>
			enforceRequestPolicy(
				{ model: 'claude-3-5-haiku-20241022', max_tokens: 4096 },
				config,
				'requests.3.params'
			)
		).toThrow(/^requests\.3\.params\.max_tokens: 4096 is above/);
	});
	it('allows everything when nothing is configured', () => {
		expect(() =>
			enforceRequestPolicy({ model: 'any-model', max_tokens: 1e6 }, loadConfig({}))
		).not.toThrow();
	});
});

describe('window counter', () => {
	it('counts per key within a window and starts again in the next', async () => {
		const c = memoryCounter();
		expect(await c.hit('a', 60_000, 0)).toBe(1);
		expect(await c.hit('a', 60_000, 59_999)).toBe(2);
		expect(await c.hit('b', 60_000, 10)).toBe(1);
		expect(await c.hit('a', 60_000, 60_000)).toBe(1);
	});
});
