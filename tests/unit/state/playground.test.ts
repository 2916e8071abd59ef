import { describe, expect, it } from 'vitest';
import { PlaygroundState } from '$lib/state/playground.svelte';

describe('PlaygroundState', () => {
	it('refuses a fifth cache breakpoint with a notice', () => {
		const p = new PlaygroundState();
		p.edit((f) => {
			f.messages[0].blocks = Array.from({ length: 5 }, (_, i) => ({ kind: 'text' as const, text: `b${i}`, cache: null, extra: {} }));
		});
		for (let i = 0; i < 4; i++) p.setCache({ kind: 'block', message: 0, index: i }, true);
		expect(p.breakpoints).toBe(4);
		expect(p.notice).toBeNull();
		p.setCache({ kind: 'block', message: 0, index: 4 }, true);
		expect(p.breakpoints).toBe(4);
		expect(p.notice).toMatch(/At most 4 cache breakpoints/);
		p.setCache({ kind: 'block', message: 0, index: 0 }, false);
		p.setCache({ kind: 'block', message: 0, index: 4 }, true);
		expect(p.breakpoints).toBe(4);
	});

	it('keeps a JSON draft verbatim and updates the form from it', () => {
		const p = new PlaygroundState();
		const text = '{"model":"x","max_tokens":3,"messages":[{"role":"user","content":"yo"}],"extra_field":1}';
		p.setJson(text);
		expect(p.jsonText).toBe(text);
		expect(p.form.model).toBe('x');
		p.edit((f) => (f.params.maxTokens = 4));
		expect(JSON.parse(p.jsonText)).toEqual({ model: 'x', max_tokens: 4, messages: [{ role: 'user', content: 'yo' }], extra_field: 1 });
	});

	it('blocks sending with the reason while the JSON is invalid', () => {
		const p = new PlaygroundState();
		p.setJson('{"model": "x", "max_tokens": 0, "messages": []}');
		expect(p.canSend).toBe(false);
		expect(p.blockedReason).toMatch(/^max_tokens: /);
	});

	it('appends a reply and an empty user turn', () => {
		const p = new PlaygroundState();
		p.edit((f) => (f.messages[0].blocks[0] = { kind: 'text', text: 'Hi', cache: null, extra: {} }));
		p.appendReply({ content: [{ type: 'text', text: 'Hello!', citations: null }, { type: 'tool_use', id: 't1', name: 'f', input: { a: 1 } }] });
		expect(JSON.parse(p.jsonText).messages).toEqual([
			{ role: 'user', content: 'Hi' },
			{ role: 'assistant', content: [{ type: 'text', text: 'Hello!' }, { type: 'tool_use', id: 't1', name: 'f', input: { a: 1 } }] },
			{ role: 'user', content: '' }
		]);
	});

	it('joins beta flags with commas and sends the fault only to the simulator', () => {
		const sim = new PlaygroundState({ isSimulator: true });
		sim.toggleBeta('prompt-caching-2024-07-31', true);
		sim.toggleBeta('token-counting-2024-11-01', true);
		sim.fault = 'overloaded';
		expect(sim.headers).toEqual({ 'anthropic-beta': 'prompt-caching-2024-07-31,token-counting-2024-11-01', 'x-simulator-fault': 'overloaded' });
		const live = new PlaygroundState({ isSimulator: false });
		live.fault = 'overloaded';
		expect(live.headers).toEqual({});
	});
});
