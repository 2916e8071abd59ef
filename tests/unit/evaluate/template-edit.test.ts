import { describe, expect, it } from 'vitest';
import {
	lastUserText,
	systemText,
	withLastUserText,
	withSystem
} from '$lib/evaluate/template-edit';

describe('template edits', () => {
	const template = {
		model: 'm',
		tools: [{ name: 't', input_schema: { type: 'object' } }],
		messages: [
			{ role: 'user', content: 'first' },
			{ role: 'assistant', content: 'ok' },
			{
				role: 'user',
				content: [
					{ type: 'image', source: {} },
					{ type: 'text', text: 'About {{city}}', cache_control: { type: 'ephemeral' } }
				]
			}
		]
	};

	it('reads and writes the last user turn’s text, keeping its other blocks and fields', () => {
		expect(lastUserText(template)).toBe('About {{city}}');
		const next = withLastUserText(template, 'Now {{town}}');
		expect(next.messages).toEqual([
			template.messages[0],
			template.messages[1],
			{
				role: 'user',
				content: [
					{ type: 'image', source: {} },
					{ type: 'text', text: 'Now {{town}}', cache_control: { type: 'ephemeral' } }
				]
			}
		]);
		expect(next.tools).toBe(template.tools);
		expect(template.messages[2].content).toHaveLength(2);
		expect((template.messages[2].content as { text?: string }[])[1].text).toBe('About {{city}}');
	});

	it('adds a user turn when there is none', () => {
		expect(withLastUserText({ model: 'm' }, 'Hi').messages).toEqual([
			{ role: 'user', content: 'Hi' }
		]);
	});

	it('sets, replaces and drops a string system prompt; keeps a block list a block list', () => {
		expect(withSystem({}, 'Be brief').system).toBe('Be brief');
		expect('system' in withSystem({ system: 'x' }, '')).toBe(false);
		const blocks = withSystem(
			{ system: [{ type: 'text', text: 'a', cache_control: { type: 'ephemeral' } }] },
			'b'
		);
		expect(blocks.system).toEqual([
			{ type: 'text', text: 'b', cache_control: { type: 'ephemeral' } }
		]);
		expect(systemText(blocks)).toBe('b');
	});
});
