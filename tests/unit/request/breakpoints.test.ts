import { describe, expect, it } from 'vitest';
import { breakpointPaths, countBreakpoints } from '$lib/request/breakpoints';

const cc = { type: 'ephemeral' };

describe('cache breakpoints', () => {
	it('counts markers on tools, system blocks, message blocks and nested tool_result blocks', () => {
		const body = {
			tools: [{ name: 'a', cache_control: cc }, { name: 'b' }],
			system: [{ type: 'text', text: 's', cache_control: cc }],
			messages: [
				{ role: 'user', content: 'plain' },
				{
					role: 'user',
					content: [
						{
							type: 'tool_result',
							tool_use_id: 't',
							content: [{ type: 'text', text: 'x', cache_control: cc }]
						},
						{ type: 'text', text: 'y', cache_control: cc }
					]
				}
			]
		};
		expect(breakpointPaths(body)).toEqual([
			['tools', 0, 'cache_control'],
			['system', 0, 'cache_control'],
			['messages', 1, 'content', 0, 'content', 0, 'cache_control'],
			['messages', 1, 'content', 1, 'cache_control']
		]);
	});

	it('ignores null markers and string content', () => {
		expect(
			countBreakpoints({
				system: 'text',
				messages: [{ role: 'user', content: [{ type: 'text', text: 'x', cache_control: null }] }]
			})
		).toBe(0);
	});
});
