import { describe, expect, it } from 'vitest';
import { cleanUserName, passcodeMatches } from '$lib/server/guard/session';
import { safeNext } from '$lib/server/guard/login';

describe('login helpers', () => {
	it('compares passcodes exactly', () => {
		expect(passcodeMatches('open sesame', 'open sesame')).toBe(true);
		expect(passcodeMatches('open sesam', 'open sesame')).toBe(false);
		expect(passcodeMatches('', 'open sesame')).toBe(false);
	});
	it.each([
		['  Ada  Lovelace ', 'Ada Lovelace'],
		['ada@example.com', 'ada@example.com'],
		['', null],
		['<script>', null],
		['x'.repeat(65), null]
	])('cleans the user name %j', (raw, expected) => {
		expect(cleanUserName(raw)).toBe(expected);
	});
	it.each([
		['/batches?x=1', '/batches?x=1'],
		['//evil.example', '/'],
		['https://evil.example', '/'],
		['/\\evil.example', '/'],
		['/\t/evil.example', '/'],
		['/\n/evil.example', '/'],
		['/%0a/x', '/%0a/x'],
		['/a/../../b', '/b'],
		[null, '/']
	])('only redirects within the site: %j', (next, expected) => {
		expect(safeNext(next)).toBe(expected);
	});
});

describe('isHttps', () => {
	it('follows SECURE_COOKIES, else the scheme of ORIGIN', async () => {
		const { isHttps } = await import('$lib/server/guard/login');
		const { loadConfig } = await import('$lib/server/config');
		expect(isHttps(loadConfig({}))).toBe(false);
		expect(isHttps(loadConfig({ ORIGIN: 'https://play.example.com' }))).toBe(true);
		expect(isHttps(loadConfig({ ORIGIN: 'http://10.0.0.5:3000' }))).toBe(false);
		expect(isHttps(loadConfig({ ORIGIN: 'http://x.example', SECURE_COOKIES: 'true' }))).toBe(true);
	});
});
