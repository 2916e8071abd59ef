import { describe, expect, it } from 'vitest';
import { PromptCache, withBreakpoints } from '../../../../src/lib/server/simulator/cache';
import { countInputTokens, promptSegments } from '../../../../src/lib/server/simulator/count';
import { HttpProblem } from '../../../../src/lib/server/http';
import type { CountTokensParams } from '../../../../src/lib/schemas';

const eph = { type: 'ephemeral' as const };
const long = (word: string, n: number) =>
	Array.from({ length: n }, (_, i) => `${word}${i}`).join(' ');

/** A prompt with a long cached system prompt and a short question. */
function prompt(system: string, question = 'What is in the document?'): CountTokensParams {
	return {
		model: 'claude-sonnet-4-6',
		system: [{ type: 'text', text: system, cache_control: eph }],
		messages: [{ role: 'user', content: question }]
	};
}

function setup() {
	let now = 1_000_000;
	const cache = new PromptCache(() => now);
	const account = (p: CountTokensParams, min = 1024) =>
		cache.account(
			'claude-sonnet-4-6',
			min,
			withBreakpoints(promptSegments(p), p.cache_control ?? undefined)
		);
	return { account, advance: (ms: number) => (now += ms) };
}

describe('PromptCache', () => {
	const system = long('policy', 1200);

	it('writes a long prefix first, then reads it, keeping the total equal to count_tokens', () => {
		const { account } = setup();
		const total = countInputTokens(prompt(system));
		const first = account(prompt(system));
		expect(first.cache_creation_input_tokens).toBeGreaterThanOrEqual(1024);
		expect(first.cache_read_input_tokens).toBe(0);
		expect(first.input_tokens + first.cache_creation_input_tokens).toBe(total);
		const second = account(prompt(system, 'And another question?'));
		expect(second.cache_read_input_tokens).toBe(first.cache_creation_input_tokens);
		expect(second.cache_creation_input_tokens).toBe(0);
		expect(second.input_tokens + second.cache_read_input_tokens).toBe(
			countInputTokens(prompt(system, 'And another question?'))
		);
	});

	it('does not cache a prefix below the model minimum', () => {
		const { account } = setup();
		const short = long('rule', 50);
		expect(account(prompt(short))).toMatchObject({
			cache_creation_input_tokens: 0,
			cache_read_input_tokens: 0
		});
		expect(account(prompt(short))).toMatchObject({
			cache_creation_input_tokens: 0,
			cache_read_input_tokens: 0,
			input_tokens: countInputTokens(prompt(short))
		});
	});

	it('keys on the exact prefix: a changed system prompt is a new write', () => {
		const { account } = setup();
		account(prompt(system));
		const changed = account(prompt(system + ' amended'));
		expect(changed.cache_read_input_tokens).toBe(0);
		expect(changed.cache_creation_input_tokens).toBeGreaterThan(0);
	});

	it('expires after five minutes unless a hit refreshes it', () => {
		const { account, advance } = setup();
		account(prompt(system));
		advance(4 * 60_000);
		expect(account(prompt(system)).cache_read_input_tokens).toBeGreaterThan(0);
		advance(4 * 60_000); // 8 minutes after the write, 4 after the refreshing hit
		expect(account(prompt(system)).cache_read_input_tokens).toBeGreaterThan(0);
		advance(5 * 60_000 + 1);
		const stale = account(prompt(system));
		expect(stale.cache_read_input_tokens).toBe(0);
		expect(stale.cache_creation_input_tokens).toBeGreaterThan(0);
	});

	it('reads the longest cached prefix and writes only the part beyond it', () => {
		const { account } = setup();
		account(prompt(system));
		const doc = long('page', 1100);
		const twoBreakpoints: CountTokensParams = {
			...prompt(system),
			messages: [
				{
					role: 'user',
					content: [
						{ type: 'text', text: doc, cache_control: eph },
						{ type: 'text', text: 'Summarise.' }
					]
				}
			]
		};
		const usage = account(twoBreakpoints);
		expect(usage.cache_read_input_tokens).toBe(account(prompt(system)).cache_read_input_tokens);
		expect(usage.cache_creation_input_tokens).toBeGreaterThan(1000);
		expect(
			usage.input_tokens + usage.cache_creation_input_tokens + usage.cache_read_input_tokens
		).toBe(countInputTokens(twoBreakpoints));
		expect(account(twoBreakpoints).cache_read_input_tokens).toBe(
			usage.cache_read_input_tokens + usage.cache_creation_input_tokens
		);
	});

	it('keeps prefix order: tools come before the system prompt', () => {
		const { account } = setup();
		const tool = {
			name: 'lookup',
			description: long('desc', 1100),
			input_schema: { type: 'object' as const },
			cache_control: eph
		};
		const withTools: CountTokensParams = {
			model: 'claude-sonnet-4-6',
			tools: [tool],
			system: 'A',
			messages: [{ role: 'user', content: 'hi' }]
		};
		account(withTools);
		expect(account({ ...withTools, system: 'B' }).cache_read_input_tokens).toBeGreaterThan(1000);
	});

	it('honours top-level automatic caching at the last block', () => {
		const { account } = setup();
		const auto = {
			model: 'claude-sonnet-4-6',
			messages: [{ role: 'user' as const, content: system }],
			cache_control: eph
		};
		expect(account(auto).cache_creation_input_tokens).toBeGreaterThan(1000);
		expect(account(auto).cache_read_input_tokens).toBeGreaterThan(1000);
	});

	it('rejects a fifth breakpoint with the API message', () => {
		const blocks = Array.from({ length: 5 }, (_, i) => ({
			type: 'text' as const,
			text: `part ${i}`,
			cache_control: eph
		}));
		const p: CountTokensParams = {
			model: 'claude-sonnet-4-6',
			messages: [{ role: 'user', content: blocks }]
		};
		expect(() => withBreakpoints(promptSegments(p))).toThrow(HttpProblem);
		expect(() => withBreakpoints(promptSegments(p))).toThrow(
			'A maximum of 4 blocks with cache_control may be provided. Found 5.'
		);
		expect(() =>
			withBreakpoints(
				promptSegments({ ...p, messages: [{ role: 'user', content: blocks.slice(0, 4) }] })
			)
		).not.toThrow();
	});
});
