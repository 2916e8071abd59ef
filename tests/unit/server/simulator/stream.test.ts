import { describe, expect, it } from 'vitest';
import { planMessage, type SimContext } from '../../../../src/lib/server/simulator/messages';
import { messageEvents } from '../../../../src/lib/server/simulator/stream';
import { countTextTokens } from '../../../../src/lib/server/simulator/tokens';
import { PromptCache } from '../../../../src/lib/server/simulator/cache';
import type { MessageCreateParams } from '../../../../src/lib/schemas';

const tool = {
	name: 'lookup',
	input_schema: {
		type: 'object' as const,
		properties: { query: { type: 'string' }, limit: { type: 'integer' } },
		required: ['query', 'limit']
	}
};
const params = (extra: Partial<MessageCreateParams> = {}): MessageCreateParams => ({
	model: 'claude-sonnet-4-6',
	max_tokens: 400,
	messages: [{ role: 'user', content: 'Look up the release notes' }],
	...extra
});

function replay(p: MessageCreateParams, ctx: SimContext = { seed: 's', betas: [] }) {
	const message = planMessage(p, ctx);
	const events = messageEvents(message, 1).map((e) => e.event as Record<string, any>);
	const text = events
		.filter((e) => e.delta?.type === 'text_delta')
		.map((e) => e.delta.text)
		.join('');
	const json = new Map<number, string>();
	for (const e of events)
		if (e.delta?.type === 'input_json_delta')
			json.set(e.index, (json.get(e.index) ?? '') + e.delta.partial_json);
	return { message, events, text, json };
}

describe('streamed events agree with the message', () => {
	it('streams exactly the tokens it bills for text', () => {
		const { message, events, text } = replay(params());
		expect(countTextTokens(text)).toBe(message.usage.output_tokens);
		expect(events.find((e) => e.type === 'message_delta')?.usage.output_tokens).toBe(
			message.usage.output_tokens
		);
	});

	it('streams tool input as JSON fragments that rebuild the input, billed on top of the text', () => {
		const { message, events, text, json } = replay(
			params({
				tools: [tool],
				tool_choice: { type: 'tool', name: 'lookup', disable_parallel_tool_use: true }
			})
		);
		expect(events.slice(0, 3).map((e) => e.type)).toEqual([
			'message_start',
			'content_block_start',
			'ping'
		]);
		const use = message.content[0] as { name: string; input: unknown };
		expect(JSON.parse(json.get(0)!)).toEqual(use.input);
		expect(text).toBe('');
		expect(message.usage.output_tokens).toBe(
			countTextTokens(use.name) + countTextTokens(JSON.stringify(use.input)) + 4
		);
	});

	it('carries cache usage in message_start', () => {
		const system = [
			{
				type: 'text' as const,
				text: Array.from({ length: 800 }, (_, i) => `rule${i}`).join(' '),
				cache_control: { type: 'ephemeral' as const }
			}
		];
		const ctx: SimContext = { seed: 's', betas: [], cache: new PromptCache(() => 0) };
		replay(params({ system }), ctx);
		const { events, message } = replay(params({ system }), ctx);
		expect(message.usage.cache_read_input_tokens).toBeGreaterThan(1024);
		expect(events[0].message.usage).toMatchObject({
			cache_read_input_tokens: message.usage.cache_read_input_tokens,
			input_tokens: message.usage.input_tokens
		});
	});
});
