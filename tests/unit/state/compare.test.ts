import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { CompareState } from '$lib/state/compare.svelte';

vi.mock('$lib/client/history', () => ({ recordRun: async () => {} }));

const message = (model: string) => ({
	id: `msg_${model}`,
	type: 'message',
	role: 'assistant',
	model,
	content: [{ type: 'text', text: `from ${model}` }],
	stop_reason: 'end_turn',
	stop_sequence: null,
	usage: { input_tokens: 3, output_tokens: 2 }
});

/** The message as the stream of events the API sends for it. */
function sse(m: ReturnType<typeof message>): string {
	const events: [string, object][] = [
		['message_start', { type: 'message_start', message: { ...m, content: [], stop_reason: null } }],
		[
			'content_block_start',
			{ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }
		],
		[
			'content_block_delta',
			{
				type: 'content_block_delta',
				index: 0,
				delta: { type: 'text_delta', text: m.content[0].text }
			}
		],
		['content_block_stop', { type: 'content_block_stop', index: 0 }],
		[
			'message_delta',
			{
				type: 'message_delta',
				delta: { stop_reason: 'end_turn', stop_sequence: null },
				usage: { output_tokens: 2 }
			}
		],
		['message_stop', { type: 'message_stop' }]
	];
	return events.map(([e, d]) => `event: ${e}\ndata: ${JSON.stringify(d)}\n\n`).join('');
}

/** Answers each request for the model it names; keeps bodies and headers. */
function api() {
	const sent: { body: Record<string, unknown>; version: string | null }[] = [];
	vi.stubGlobal(
		'fetch',
		vi.fn(async (_url: string, init: RequestInit) => {
			const body = JSON.parse(init.body as string);
			sent.push({ body, version: new Headers(init.headers).get('anthropic-version') });
			return new Response(sse(message(body.model)), {
				headers: { 'content-type': 'text/event-stream' }
			});
		})
	);
	return sent;
}

afterEach(() => vi.unstubAllGlobals());
afterAll(() => vi.restoreAllMocks());

const weather = { name: 'get_weather', input_schema: { type: 'object' } };

describe('CompareState', () => {
	it('sends each column its own model, thinking, effort and tools', async () => {
		const sent = api();
		const compare = new CompareState(() => [weather]);
		compare.prompt = 'Same question';
		compare.addColumn();
		const [a, b, c] = compare.sides;
		a.model = 'claude-sonnet-5-5';
		a.thinking = { mode: 'adaptive', budget: 1024, display: 'default' };
		a.toolSource = 'playground';
		b.model = 'claude-haiku-5-5';
		b.effort = 'low';
		b.apiVersion = '2026-10-21';
		c.model = 'claude-opus-5';
		c.toolSource = 'custom';
		c.customTools = '[{"name": "own", "input_schema": {"type": "object"}}]';
		await compare.runAll();

		const byModel = Object.fromEntries(sent.map((s) => [s.body.model, s]));
		expect(byModel['claude-sonnet-5-5'].body).toMatchObject({
			thinking: { type: 'adaptive' },
			tools: [weather]
		});
		expect(byModel['claude-haiku-5-5'].body).toMatchObject({ output_config: { effort: 'low' } });
		expect(byModel['claude-haiku-5-5'].body).not.toHaveProperty('tools');
		expect(byModel['claude-haiku-5-5'].version).toBe('2026-10-21');
		expect(byModel['claude-opus-5'].body.tools).toEqual([
			{ name: 'own', input_schema: { type: 'object' } }
		]);
		expect(compare.sides.map((s) => s.answer?.model)).toEqual([
			'claude-sonnet-5-5',
			'claude-haiku-5-5',
			'claude-opus-5'
		]);
	});

	it('will not run while a column has a broken tool list, and names the column', () => {
		const compare = new CompareState();
		compare.prompt = 'x';
		compare.sides[1].toolSource = 'custom';
		compare.sides[1].customTools = '[{';
		expect(compare.canRun).toBe(false);
		expect(compare.problem).toMatch(/^Setting B: Tools are not valid JSON/);
	});

	it('shares every column as sent, and keeps settings and sent requests over a reload', async () => {
		api();
		const compare = new CompareState();
		compare.prompt = 'Share this';
		compare.sides[0].effort = 'max';
		expect(compare.shareInput()).toBeNull();
		await compare.runAll();
		compare.prompt = 'Edited after the run';
		const input = compare.shareInput()!;
		expect(input.prompt).toBe('Share this');
		expect(input.columns.map((c) => c.label)).toEqual(['A', 'B']);
		expect(input.columns[0].request).toMatchObject({ output_config: { effort: 'max' } });
		expect(input.columns[1].result.message?.content).toEqual([
			{ type: 'text', text: `from ${compare.sides[1].model}` }
		]);

		// The raw event log goes with a column streamed on this page...
		expect(input.columns[0].result.events?.map((e) => e.event)).toEqual([
			'message_start',
			'content_block_start',
			'content_block_delta',
			'content_block_stop',
			'message_delta',
			'message_stop'
		]);

		// ...but not into localStorage: a reload keeps settings, requests and answers only.
		const reloaded = new CompareState();
		reloaded.restore(JSON.parse(JSON.stringify(compare.snapshot())));
		expect(reloaded.sides[0].effort).toBe('max');
		expect(reloaded.canShare).toBe(true);
		const withoutEvents = input.columns.map((c) => {
			const { events: _events, ...result } = c.result;
			return { ...c, result };
		});
		expect(reloaded.shareInput()?.columns).toEqual(withoutEvents);
	});
});
