import { describe, expect, it } from 'vitest';
import { summarizeRun } from '../../../src/lib/client/run-summary';

const ev = (at: number, data: Record<string, unknown>) => ({ event: String(data.type), data: JSON.stringify(data), at });
const START = { type: 'message_start', message: { id: 'msg_1', type: 'message', role: 'assistant', model: 'claude-3-5-haiku-20241022', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 12, output_tokens: 1 } } };

describe('summarizeRun', () => {
	it('assembles text and tool_use blocks, stop reason, cumulative usage and timings', () => {
		const events = [
			ev(5, START),
			ev(6, { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }),
			ev(7, { type: 'ping' }),
			ev(9, { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hi' } }),
			ev(10, { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: ' there' } }),
			ev(11, { type: 'content_block_stop', index: 0 }),
			ev(12, { type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'toolu_1', name: 'f', input: {} } }),
			ev(13, { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '' } }),
			ev(14, { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '{"city": "Os' } }),
			ev(15, { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: 'lo"}' } }),
			ev(16, { type: 'content_block_stop', index: 1 }),
			ev(17, { type: 'content_block_start', index: 2, content_block: { type: 'tool_use', id: 'toolu_2', name: 'g', input: {} } }),
			ev(18, { type: 'content_block_stop', index: 2 }),
			ev(19, { type: 'message_delta', delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { output_tokens: 30 } }),
			ev(20, { type: 'message_stop' })
		];
		const { message, firstTokenMs, totalMs } = summarizeRun(events);
		expect(message?.content).toEqual([
			{ type: 'text', text: 'Hi there' },
			{ type: 'tool_use', id: 'toolu_1', name: 'f', input: { city: 'Oslo' } },
			{ type: 'tool_use', id: 'toolu_2', name: 'g', input: {} }
		]);
		expect(message?.stop_reason).toBe('tool_use');
		expect(message?.usage).toEqual({ input_tokens: 12, output_tokens: 30 });
		expect([firstTokenMs, totalMs]).toEqual([9, 20]);
	});

	it('returns no message for a run that failed before message_start, skipping unparsable data', () => {
		expect(summarizeRun([{ event: 'x', data: 'not json', at: 1 }])).toEqual({ message: null, firstTokenMs: null, totalMs: 1 });
		expect(summarizeRun([])).toEqual({ message: null, firstTokenMs: null, totalMs: null });
	});
});
