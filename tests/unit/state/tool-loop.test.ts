import { afterEach, describe, expect, it, vi } from 'vitest';
import { PlaygroundState } from '$lib/state/playground.svelte';
import { ToolLoopState } from '$lib/state/tool-loop.svelte';
import { TOOL_EXAMPLES } from '$lib/tools/examples';

type Block = Record<string, unknown>;
let counter = 0;

function message(content: Block[], stop = 'tool_use') {
	counter++;
	return {
		id: `msg_${counter}`,
		type: 'message',
		role: 'assistant',
		model: 'claude-3-5-haiku-20241022',
		content,
		stop_reason: stop,
		stop_sequence: null,
		usage: { input_tokens: 10 * counter, output_tokens: 3 }
	};
}
const use = (id: string, name: string, input: Block = {}) => ({
	type: 'tool_use',
	id,
	name,
	input
});

/** A fetch answering each request (non-streaming) with the next message from `next`; bodies are kept. */
function api(next: (n: number) => object) {
	const bodies: { messages: { role: string; content: Block[] }[] }[] = [];
	const fetch = vi.fn(async (_url: string, init: RequestInit) => {
		bodies.push(JSON.parse(init.body as string));
		return new Response(JSON.stringify(next(bodies.length)), {
			status: 200,
			headers: { 'content-type': 'application/json' }
		});
	});
	vi.stubGlobal('fetch', fetch);
	return bodies;
}

function setup() {
	const playground = new PlaygroundState();
	playground.setParam('stream', false);
	playground.updateBlock(0, 0, { text: 'go' });
	playground.addTool({ name: 'calc', input_schema: { type: 'object' } });
	return { playground, loop: new ToolLoopState(playground) };
}

afterEach(() => vi.unstubAllGlobals());

describe('ToolLoopState', () => {
	it('refuses to continue until every call has a result, then sends them in call order', async () => {
		const bodies = api((n) =>
			n === 1
				? message([use('t1', 'calc'), use('t2', 'calc')])
				: message([{ type: 'text', text: 'ok' }], 'end_turn')
		);
		const { playground, loop } = setup();
		await playground.send();
		expect(loop.calls.map((c) => c.id)).toEqual(['t1', 't2']);
		loop.setAnswer(loop.calls[1], { text: 'second' });
		expect(await loop.continue()).toBe(false);
		expect(loop.notice).toMatch(/calc \(t1\) has no result/);
		expect(bodies).toHaveLength(1);
		loop.setAnswer(loop.calls[0], { text: 'first', isError: true });
		expect(await loop.continue()).toBe(true);
		expect(bodies[1].messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
		expect(bodies[1].messages[2].content).toEqual([
			{ type: 'tool_result', tool_use_id: 't1', content: 'first', is_error: true },
			{ type: 'tool_result', tool_use_id: 't2', content: 'second' }
		]);
		expect(loop.calls).toEqual([]);
		expect(loop.transcript.steps.map((s) => s.stop_reason)).toEqual(['tool_use', 'end_turn']);
		expect(loop.transcript.total_usage.output_tokens).toBe(6);
	});

	it('auto-runs with mocks and stops at the step cap', async () => {
		const bodies = api((n) => message([use(`t${n}`, 'calc', { expression: `${n} * 2` })]));
		const { playground, loop } = setup();
		loop.setMock('calc', { kind: 'calculator' });
		loop.stepCap = 3;
		await playground.send();
		await loop.autoRun();
		expect(bodies).toHaveLength(4);
		expect(bodies.slice(1).map((b) => b.messages.at(-1)!.content[0].content)).toEqual([
			'2',
			'4',
			'6'
		]);
		expect(loop.notice).toMatch(/step cap \(3 steps\)/);
		expect(loop.transcript.steps).toHaveLength(4);
	});

	it('pauses auto-run at a call without a mock', async () => {
		const bodies = api(() => message([use('t1', 'calc'), use('t2', 'other')]));
		const { playground, loop } = setup();
		loop.setMock('calc', { kind: 'fixed', text: '1' });
		await playground.send();
		await loop.autoRun();
		expect(bodies).toHaveLength(1);
		expect(loop.notice).toMatch(/no mock/);
	});

	it('stops auto-run when Stop is pressed', async () => {
		const bodies = api((n) => {
			if (n === 2) loop.stop();
			return message([use(`t${n}`, 'calc')]);
		});
		// `loop` is read only when the second request arrives, after it is set up below.
		const { playground, loop } = setup();
		loop.setMock('calc', { kind: 'fixed', text: '1' });
		await playground.send();
		await loop.autoRun();
		expect(bodies).toHaveLength(2);
		expect(loop.isAuto).toBe(false);
	});

	it('runs text editor calls against the in-browser files', async () => {
		const bodies = api((n) =>
			n === 1
				? message([
						use('e1', 'str_replace_editor', {
							command: 'create',
							path: '/a.md',
							file_text: 'hello'
						})
					])
				: message([{ type: 'text', text: 'done' }], 'end_turn')
		);
		const { playground, loop } = setup();
		await playground.send();
		await loop.continue();
		expect(loop.files).toEqual({ '/a.md': 'hello' });
		expect(bodies[1].messages[2].content[0]).toEqual({
			type: 'tool_result',
			tool_use_id: 'e1',
			content: 'File created successfully at: /a.md'
		});
		expect(loop.transcript.steps[0].results[0].source).toBe('editor');
	});

	it('starts a new transcript when a run is sent some other way', async () => {
		api((n) =>
			n === 2
				? message([{ type: 'text', text: 'done' }], 'end_turn')
				: message([use(`t${n}`, 'calc')])
		);
		const { playground, loop } = setup();
		loop.setMock('calc', { kind: 'fixed', text: '1' });
		await playground.send();
		await loop.continue();
		expect(loop.transcript.steps).toHaveLength(2);
		await playground.send();
		expect(loop.transcript.steps).toHaveLength(1);
	});
});

describe('ToolLoopState examples', () => {
	const weather = TOOL_EXAMPLES.find((e) => e.id === 'weather')!;
	const calculator = TOOL_EXAMPLES.find((e) => e.id === 'calculator')!;

	it('keeps the draft for Undo only when the example replaces a non-empty tools list', () => {
		const playground = new PlaygroundState();
		const kept: string[] = [];
		const loop = new ToolLoopState(playground, { beforeExample: (label) => kept.push(label) });
		loop.applyExample(weather);
		expect(kept).toEqual([]);
		loop.applyExample(calculator);
		expect(kept).toEqual([`The ${calculator.label} example`]);
		expect(playground.form.tools?.map((t) => t.def.name)).toEqual(
			calculator.tools.map((t) => t.name)
		);
	});
});
