import { describe, expect, it } from 'vitest';
import { defaultForm } from '$lib/request/form';
import type { Message } from '$lib/schemas';
import { replayActions } from '$lib/tools/computer';
import { readToolChoice, setClientTool, setToolChoice } from '$lib/tools/form-tools';
import { toolChoice } from '$lib/tools/tool-defs';
import { buildTranscript } from '$lib/tools/transcript';

const msg = (
	id: string,
	content: Message['content'],
	usage: Message['usage'],
	stop = 'tool_use'
): Message => ({
	id,
	type: 'message',
	role: 'assistant',
	model: 'claude-3-5-haiku-20241022',
	content,
	stop_reason: stop,
	stop_sequence: null,
	usage
});

describe('buildTranscript', () => {
	it('lists each step with its calls, results (with source) and usage, and sums the usage', () => {
		const first = msg(
			'msg_1',
			[{ type: 'tool_use', id: 'toolu_1', name: 'calc', input: { expression: '1+1' } }],
			{ input_tokens: 100, output_tokens: 20, cache_read_input_tokens: 50 }
		);
		const last = msg(
			'msg_2',
			[{ type: 'text', text: '2' }],
			{ input_tokens: 130, output_tokens: 5 },
			'end_turn'
		);
		const t = buildTranscript(
			[
				{
					response: first,
					results: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: '2' }],
					sources: { toolu_1: 'mock' }
				}
			],
			last
		);
		expect(t.steps.map((s) => [s.step, s.stop_reason, s.calls.length, s.results.length])).toEqual([
			[1, 'tool_use', 1, 1],
			[2, 'end_turn', 0, 0]
		]);
		expect(t.steps[0].results[0]).toEqual({
			type: 'tool_result',
			tool_use_id: 'toolu_1',
			content: '2',
			source: 'mock'
		});
		expect(t.total_usage).toEqual({
			input_tokens: 230,
			output_tokens: 25,
			cache_creation_input_tokens: 0,
			cache_read_input_tokens: 50
		});
		expect(t.model).toBe('claude-3-5-haiku-20241022');
		expect(JSON.parse(JSON.stringify(t))).toEqual(t);
	});
	it('records the error of a failed last request', () => {
		expect(
			buildTranscript([], null, { type: 'invalid_request_error', message: 'bad' }).error
		).toEqual({ type: 'invalid_request_error', message: 'bad' });
	});
});

describe('replayActions', () => {
	it('tracks the pointer from the centre through moves, clicks and typing', () => {
		const actions = replayActions(
			[
				{ action: 'screenshot' },
				{ action: 'mouse_move', coordinate: [10, 20] },
				{ action: 'left_click' },
				{ action: 'type', text: 'hi' },
				{ action: 'left_click_drag', coordinate: [30, 40] }
			],
			100,
			50
		);
		expect(actions.map((a) => [a.action, a.x, a.y, a.isClick])).toEqual([
			['screenshot', 50, 25, false],
			['mouse_move', 10, 20, false],
			['left_click', 10, 20, true],
			['type', 10, 20, false],
			['left_click_drag', 30, 40, false]
		]);
		expect(actions[3].text).toBe('hi');
		expect(actions[4].from).toEqual([10, 20]);
	});
});

describe('form edits', () => {
	it('adds and removes client tools at their current versions', () => {
		const f = defaultForm();
		setClientTool(f, 'computer_toolset_20260801', true);
		setClientTool(f, 'bash_20250124', true);
		setClientTool(f, 'memory_20250818', true);
		expect(f.tools?.map((t) => t.def)).toEqual([
			{ type: 'computer_toolset_20260801' },
			{ type: 'bash_20250124', name: 'bash' },
			{ type: 'memory_20250818', name: 'memory' }
		]);
		setClientTool(f, 'computer_toolset_20260801', false);
		setClientTool(f, 'bash_20250124', false);
		setClientTool(f, 'memory_20250818', false);
		expect(f.tools).toBeUndefined();
	});
	it('writes and reads tool_choice', () => {
		const f = defaultForm();
		setToolChoice(f, toolChoice('tool', 'get_weather', true));
		expect(f.extra.tool_choice).toEqual({
			type: 'tool',
			name: 'get_weather',
			disable_parallel_tool_use: true
		});
		expect(readToolChoice(f)).toEqual({ mode: 'tool', name: 'get_weather', disableParallel: true });
		setToolChoice(f, toolChoice('none', '', true));
		expect(f.extra.tool_choice).toEqual({ type: 'none' });
		setToolChoice(f, toolChoice('default', '', false));
		expect(f.extra).not.toHaveProperty('tool_choice');
		expect(readToolChoice(f).mode).toBe('default');
	});
});
