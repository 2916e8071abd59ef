import { describe, expect, it } from 'vitest';
import { planMessage, type SimContext } from '../../../../src/lib/server/simulator/messages';
import { HttpProblem } from '../../../../src/lib/server/http';
import type {
	Message,
	MessageCreateParams,
	MessageParam,
	TurnContent
} from '../../../../src/lib/schemas';

const beta: SimContext = { seed: 'unit', betas: ['computer-use-2024-10-22'] };
const computer = {
	type: 'computer_20241022' as const,
	name: 'computer' as const,
	display_width_px: 1024,
	display_height_px: 768,
	display_number: 1
};
const bash = { type: 'bash_20241022' as const, name: 'bash' as const };
const editor = { type: 'text_editor_20241022' as const, name: 'str_replace_editor' as const };

type ToolUse = { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> };
const call = (m: Message) => m.content.find((b): b is ToolUse => b.type === 'tool_use');

/** Runs the agent loop the playground runs: answer every call with a result until the model answers in text. */
function loop(tools: MessageCreateParams['tools'], prompt: string, isError = false, maxSteps = 10) {
	const messages: MessageParam[] = [{ role: 'user', content: prompt }];
	const inputs: Record<string, unknown>[] = [];
	for (let i = 0; i < maxSteps; i++) {
		const m = planMessage({ model: 'claude-sonnet-4-6', max_tokens: 1000, tools, messages }, beta);
		const u = call(m);
		if (!u) return { inputs, final: m };
		expect(m.stop_reason).toBe('tool_use');
		inputs.push(u.input);
		messages.push({ role: 'assistant', content: m.content as TurnContent });
		messages.push({
			role: 'user',
			content: [
				{
					type: 'tool_result',
					tool_use_id: u.id,
					content: isError ? 'bash: crashed' : 'ok',
					is_error: isError
				}
			]
		});
	}
	throw new Error('the loop did not end');
}

describe('computer-use beta tools', () => {
	it('needs the beta header, naming the tool', () => {
		const params: MessageCreateParams = {
			model: 'claude-sonnet-4-6',
			max_tokens: 100,
			tools: [bash, computer],
			messages: [{ role: 'user', content: 'hi' }]
		};
		const e = (() => {
			try {
				planMessage(params, { seed: 'unit', betas: ['prompt-caching-2024-07-31'] });
			} catch (err) {
				return err as HttpProblem;
			}
		})();
		expect(e).toBeInstanceOf(HttpProblem);
		expect(e?.message).toBe(
			"tools.0.type: 'bash_20241022' requires the anthropic-beta header computer-use-2024-10-22"
		);
	});

	it('runs a computer loop of realistic actions inside the display, then answers in text', () => {
		const { inputs, final } = loop([computer], 'Search for "weather in Paris" in the browser');
		expect(inputs.map((i) => i.action)).toEqual([
			'screenshot',
			'mouse_move',
			'left_click',
			'type',
			'key'
		]);
		const [x, y] = inputs[1].coordinate as number[];
		expect(x).toBeGreaterThanOrEqual(0);
		expect(x).toBeLessThan(1024);
		expect(y).toBeGreaterThanOrEqual(0);
		expect(y).toBeLessThan(768);
		expect(inputs[3].text).toBe('weather in Paris');
		expect(inputs[4].text).toBe('Return');
		expect(final.stop_reason).toBe('end_turn');
	});

	it('runs bash commands and restarts after an error', () => {
		const { inputs } = loop([bash], 'List the files here');
		expect(inputs[0]).toEqual({ command: 'ls -la' });
		expect(inputs.every((i) => typeof i.command === 'string')).toBe(true);
		const failing = loop([bash], 'List the files here', true);
		expect(failing.inputs).toContainEqual({ restart: true });
	});

	it('edits a file with create, str_replace, insert and view on one path', () => {
		const { inputs, final } = loop([editor], 'Write some notes to a file');
		expect(inputs.map((i) => i.command)).toEqual(['create', 'str_replace', 'insert', 'view']);
		expect(new Set(inputs.map((i) => i.path)).size).toBe(1);
		expect(inputs[0].file_text).toContain(inputs[1].old_str as string);
		expect(typeof inputs[1].new_str).toBe('string');
		expect(inputs[2]).toMatchObject({ insert_line: 2, new_str: expect.any(String) });
		expect(final.content[0].type).toBe('text');
	});

	it('picks the beta tool the prompt is about and calls one at a time', () => {
		const m = planMessage(
			{
				model: 'claude-sonnet-4-6',
				max_tokens: 500,
				tools: [computer, bash, editor],
				messages: [{ role: 'user', content: 'Use bash and str_replace_editor' }]
			},
			beta
		);
		expect(m.content.filter((b) => b.type === 'tool_use')).toHaveLength(1);
	});
});
