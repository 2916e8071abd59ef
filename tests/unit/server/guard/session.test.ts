import { describe, expect, it } from 'vitest';
import { cleanUserName, createSessionValue, passcodeMatches, readSessionValue } from '$lib/server/guard/session';
import { safeNext } from '$lib/server/guard/login';

const secret = 'a-test-secret-of-enough-length';

describe('session cookie value', () => {
	it('round-trips a signed session', () => {
		expect(readSessionValue(createSessionValue('ada', secret), secret)?.user).toBe('ada');
	});
	it('rejects a tampered payload, a wrong secret and garbage', () => {
		const value = createSessionValue('ada', secret);
		const [payload, sig] = value.split('.');
		const forged = Buffer.from(JSON.stringify({ user: 'admin', exp: 9e9 })).toString('base64url');
		expect(readSessionValue(`${forged}.${sig}`, secret)).toBeNull();
		expect(readSessionValue(`${payload}.${sig}x`, secret)).toBeNull();
		expect(readSessionValue(value, 'another-secret-entirely')).toBeNull();
		expect(readSessionValue('not-a-cookie', secret)).toBeNull();
		expect(readSessionValue(undefined, secret)).toBeNull();
	});
	it('expires after its lifetime', () => {
		const value = createSessionValue('ada', secret, 0);
		expect(readSessionValue(value, secret, 1000)).not.toBeNull();
		expect(readSessionValue(value, secret, 8 * 24 * 3600 * 1000)).toBeNull();
	});
});

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
