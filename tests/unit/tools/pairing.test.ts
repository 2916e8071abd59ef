import { describe, expect, it } from 'vitest';
import type { ContentBlock } from '$lib/schemas';
import { answerTurns, toolCalls, type ToolAnswer } from '$lib/tools/pairing';

const content = [
	{ type: 'text', text: "I'll check both.", citations: null },
	{ type: 'tool_use', id: 'toolu_A', name: 'get_weather', input: { city: 'Paris' } },
	{ type: 'tool_use', id: 'toolu_B', name: 'get_weather', input: { city: 'London' } }
] as ContentBlock[];

const text = (t: string, isError = false): ToolAnswer => ({ text: t, isError });

describe('toolCalls', () => {
	it('lists the tool_use blocks in order', () => {
		expect(toolCalls(content).map((c) => [c.id, c.input])).toEqual([
			['toolu_A', { city: 'Paris' }],
			['toolu_B', { city: 'London' }]
		]);
	});
});

describe('answerTurns', () => {
	it('sends the assistant turn back, then tool_results in call order whatever order they were answered in', () => {
		const out = answerTurns(content, { toolu_B: text('12°C'), toolu_A: text('21°C') });
		if (!out.ok) throw new Error('expected turns');
		const [assistant, user] = out.turns;
		expect(assistant.role).toBe('assistant');
		// The response-only `citations: null` is not sent back.
		expect(assistant.content[0]).toEqual({ type: 'text', text: "I'll check both." });
		expect(assistant.content.slice(1)).toEqual(content.slice(1));
		expect(user).toEqual({
			role: 'user',
			content: [
				{ type: 'tool_result', tool_use_id: 'toolu_A', content: '21°C' },
				{ type: 'tool_result', tool_use_id: 'toolu_B', content: '12°C' }
			]
		});
	});

	it('refuses a turn with an unanswered call and names it', () => {
		const out = answerTurns(content, { toolu_A: text('21°C') });
		expect(out.ok).toBe(false);
		if (!out.ok) expect(out.missing.map((c) => c.id)).toEqual(['toolu_B']);
	});

	it('refuses a response without tool calls', () => {
		expect(answerTurns([{ type: 'text', text: 'hi' }] as ContentBlock[], {}).ok).toBe(false);
	});

	it('carries is_error, and only when set', () => {
		const out = answerTurns(content, {
			toolu_A: text('city not found', true),
			toolu_B: text('12°C')
		});
		if (!out.ok) throw new Error('expected turns');
		expect(out.turns[1].content[0]).toEqual({
			type: 'tool_result',
			tool_use_id: 'toolu_A',
			content: 'city not found',
			is_error: true
		});
		expect(out.turns[1].content[1]).not.toHaveProperty('is_error');
	});

	it('sends an image result as an image block inside the tool_result, after any text', () => {
		const out = answerTurns(content, {
			toolu_A: {
				text: 'screen',
				isError: false,
				image: { mediaType: 'image/png', data: 'iVBORw0KGgo=' }
			},
			toolu_B: { text: '', isError: false, image: { mediaType: 'image/png', data: 'AAAA' } }
		});
		if (!out.ok) throw new Error('expected turns');
		expect(out.turns[1].content[0].content).toEqual([
			{ type: 'text', text: 'screen' },
			{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } }
		]);
		expect(out.turns[1].content[1].content).toEqual([
			{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AAAA' } }
		]);
	});
});
