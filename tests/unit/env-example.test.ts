// .env.example must list every variable the config reads, and nothing it does not; the README
// must describe each of them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '$lib/server/config';

/** The keys of config.ts's env schema, read from its source (the schema is module-private). */
function configKeys(): string[] {
	const source = readFileSync('src/lib/server/config.ts', 'utf8');
	const schema = source.match(/const EnvSchema = z\.object\(\{([\s\S]*?)\n\}\);/);
	if (!schema) throw new Error('config.ts: no `const EnvSchema = z.object({ ... });` found');
	return [...schema[1].matchAll(/^\t([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]).sort();
}

function exampleKeys(): string[] {
	const text = readFileSync('.env.example', 'utf8');
	return [...text.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]).sort();
}

describe('.env.example', () => {
	it('lists exactly the variables config.ts reads', () => {
		const keys = configKeys();
		expect(keys.length).toBeGreaterThan(20);
		expect(exampleKeys()).toEqual(keys);
	});

	it('has every variable described in README.md', () => {
		const readme = readFileSync('README.md', 'utf8');
		expect(configKeys().filter((k) => !readme.includes('`' + k + '`'))).toEqual([]);
	});

	it('is a valid configuration as written (empty values mean "not set")', () => {
		const env = Object.fromEntries(
			readFileSync('.env.example', 'utf8')
				.split('\n')
				.filter((line) => /^[A-Z]/.test(line))
				.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])
		);
		expect(loadConfig(env).upstreamKind).toBe('simulator');
	});
});
