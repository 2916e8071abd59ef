import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '$lib/server/config';

describe('config', () => {
	it('defaults to the simulator without a key and to the API with one', () => {
		expect(loadConfig({}).upstreamKind).toBe('simulator');
		expect(loadConfig({ ANTHROPIC_API_KEY: 'sk-ant-x' }).upstreamKind).toBe('anthropic');
		expect(loadConfig({ ANTHROPIC_API_KEY: 'sk-ant-x', UPSTREAM: 'simulator' }).upstreamKind).toBe(
			'simulator'
		);
	});
	it.each([
		[{ PORT: 'eighty' }, /^Invalid setting PORT: /],
		[{ PORT: '70000' }, /^Invalid setting PORT: /],
		[{ ANTHROPIC_BASE_URL: 'not a url' }, /^Invalid setting ANTHROPIC_BASE_URL: /],
		[{ UPSTREAM: 'openai' }, /^Invalid setting UPSTREAM: /],
		[{ UPSTREAM: 'anthropic' }, /^Invalid setting ANTHROPIC_API_KEY: /],
		[{ LOG_LEVEL: 'loud' }, /^Invalid setting LOG_LEVEL: /],
		[{ DATABASE_URL: 'mysql://x' }, /^Invalid setting DATABASE_URL: /],
		[{ PLAYGROUND_PASSCODE: 'short' }, /^Invalid setting PLAYGROUND_PASSCODE: /]
	])('fails with one line naming the bad setting: %j', (env, message) => {
		expect(() => loadConfig(env)).toThrow(ConfigError);
		expect(() => loadConfig(env)).toThrow(message);
	});
	it('never puts a secret value in the error', () => {
		const secret = 'sk-ant-very-secret-value';
		expect(() => loadConfig({ ANTHROPIC_API_KEY: secret, PORT: 'x' })).toThrow(/PORT/);
		try {
			loadConfig({ PLAYGROUND_PASSCODE: 'abc' });
		} catch (e) {
			expect((e as Error).message).not.toContain('abc');
		}
	});
	it('treats empty strings as unset', () => {
		expect(loadConfig({ ANTHROPIC_API_KEY: '', PORT: '' }).PORT).toBe(3000);
	});
});
