import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { betaToggles, isBetaFlag, KNOWN_BETAS } from '$lib/request/headers';

describe('beta flag toggles', () => {
	it('offers only flags the installed SDK names, none of the GA 2024 ones', () => {
		const sdkTypes = readFileSync(
			'node_modules/@anthropic-ai/sdk/resources/beta/beta.d.ts',
			'utf8'
		);
		const sdkFlags = sdkTypes.match(/export type AnthropicBeta = [^;]*;/)?.[0] ?? '';
		for (const flag of KNOWN_BETAS) expect(sdkFlags).toContain(`'${flag}'`);
		expect(KNOWN_BETAS).not.toContain('prompt-caching-2024-07-31');
	});

	it('shows a loaded flag that is not in the list, once, after the known ones', () => {
		const toggles = betaToggles([
			'files-api-2025-04-14',
			'prompt-caching-2024-07-31',
			'prompt-caching-2024-07-31'
		]);
		expect(toggles.slice(0, KNOWN_BETAS.length)).toEqual([...KNOWN_BETAS]);
		expect(toggles.slice(KNOWN_BETAS.length)).toEqual(['prompt-caching-2024-07-31']);
	});

	it('accepts typed flags shaped like the API names them and nothing else', () => {
		expect(isBetaFlag('skills-2025-10-02')).toBe(true);
		for (const bad of ['', 'Skills', 'a,b', 'a b', '-x', 'x-', 'x--y', 'x\ny']) {
			expect(isBetaFlag(bad)).toBe(false);
		}
	});
});
