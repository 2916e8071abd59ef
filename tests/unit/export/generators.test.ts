import { describe, expect, it } from 'vitest';
import { toCurl } from '../../../src/lib/export/curl';
import { toGo } from '../../../src/lib/export/go';
import { importCurl } from '../../../src/lib/export/import';
import { toPython } from '../../../src/lib/export/python';
import { toTypeScript } from '../../../src/lib/export/typescript';
import { hasCommand, runChecker, typeCheck } from './check-code';
import { ALL_CASES, CASES } from './fixtures';

const PY_PARSE = 'import ast,sys; ast.parse(sys.stdin.read())';
const HAS_GO = hasCommand('gofmt');

describe.each(ALL_CASES)('code for %s', (_name, input) => {
	const isStream = input.request.stream === true;
	const isBeta = input.betas.length > 0;
	const isLegacy = input.apiVersion === '2023-06-01';

	it('curl: parses in bash, reads the key from the environment and round-trips through import', () => {
		const code = toCurl(input);
		const bash = runChecker('bash', ['-n'], code);
		expect(bash.stderr).toBe('');
		expect(bash.status).toBe(0);
		expect(code).toContain('"x-api-key: $ANTHROPIC_API_KEY"');
		expect(code).toContain(`"anthropic-version: ${input.apiVersion ?? '2026-10-21'}"`);
		expect(code.includes('--no-buffer')).toBe(isStream);
		expect(importCurl(code)).toEqual({
			ok: true,
			body: input.request,
			betas: input.betas,
			apiVersion: input.apiVersion ?? '2026-10-21'
		});
	});

	it('TypeScript: type-checks against the installed SDK', () => {
		const code = toTypeScript(input);
		expect(typeCheck(code)).toEqual([]);
		expect(code).toContain(
			`${isBeta ? 'client.beta.messages' : 'client.messages'}.${isStream ? 'stream' : 'create'}(`
		);
		// The SDK sends 2026-10-21 by default; an older version is pinned on the client.
		expect(code).toContain(
			isLegacy
				? `new Anthropic({ defaultHeaders: { 'anthropic-version': '2023-06-01' } })`
				: 'new Anthropic()'
		);
		expect(code).not.toMatch(/apiKey|sk-ant/);
	});

	it('Python: parses, uses the matching SDK method', () => {
		const code = toPython(input);
		const py = runChecker('python3', ['-c', PY_PARSE], code);
		expect(py.stderr).toBe('');
		expect(py.status).toBe(0);
		expect(code).toContain(
			`${isBeta ? 'client.beta.messages' : 'client.messages'}.${isStream ? 'stream' : 'create'}(`
		);
		expect(code.includes('betas=[')).toBe(isBeta);
		expect(code.includes('default_headers={"anthropic-version": "2023-06-01"}')).toBe(isLegacy);
		expect(code).not.toMatch(/api_key|sk-ant/);
	});

	it('Go: carries the exact body and the matching SDK call', () => {
		const code = toGo(input);
		const raw = /const body = `([\s\S]*?)`\n/.exec(code)?.[1];
		const { stream: _stream, temperature, top_k, top_p, ...body } = input.request;
		expect(JSON.parse(raw!.replaceAll('` + "`" + `', '`'))).toEqual(body);
		for (const [k, v] of Object.entries({ temperature, top_k, top_p }))
			if (v !== undefined) expect(code).toContain(`option.WithJSONSet("${k}", ${v})`);
		expect(code).toContain(
			`${isBeta ? 'client.Beta.Messages' : 'client.Messages'}.${isStream ? 'NewStreaming' : 'New'}(`
		);
		expect(code.includes('params.Betas')).toBe(isBeta);
		expect(code).not.toMatch(/WithAPIKey|sk-ant/);
	});

	// gofmt exists only where Go is installed; elsewhere this check is not defined at all (not skipped, not counted).
	if (HAS_GO)
		it('Go: is gofmt-clean', () => {
			const r = runChecker('gofmt', ['-l'], toGo(input));
			expect(r.status).toBe(0);
			expect(r.stdout.trim()).toBe('');
		});
});

describe('type checking of generated TypeScript', () => {
	it('rejects code the SDK types do not allow (the check is not vacuous)', () => {
		const bad = {
			...CASES['plain text'],
			request: { ...CASES['plain text'].request, max_tokens: 'many' }
		};
		expect(typeCheck(toTypeScript(bad)).join('\n')).toMatch(/max_tokens|not assignable/);
	});
});

describe('Go output with a backtick in the body', () => {
	it('splices the backtick outside the raw string', () => {
		const code = toGo(CASES['plain text']);
		expect(code).toContain('` + "`" + `');
	});
});
