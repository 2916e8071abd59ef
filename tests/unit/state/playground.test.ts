import { describe, expect, it } from 'vitest';
import { PlaygroundState } from '$lib/state/playground.svelte';

describe('PlaygroundState', () => {
	it('refuses a fifth cache breakpoint with a notice', () => {
		const p = new PlaygroundState();
		p.updateBlock(0, 0, { text: 'b0' });
		for (let i = 1; i < 5; i++)
			p.addBlock(0, { kind: 'text', text: `b${i}`, cache: null, extra: {} });
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
		const text =
			'{"model":"x","max_tokens":3,"messages":[{"role":"user","content":"yo"}],"extra_field":1}';
		p.setJson(text);
		expect(p.jsonText).toBe(text);
		expect(p.form.model).toBe('x');
		p.setParam('maxTokens', 4);
		expect(JSON.parse(p.jsonText)).toEqual({
			model: 'x',
			max_tokens: 4,
			messages: [{ role: 'user', content: 'yo' }],
			extra_field: 1
		});
	});

	it('blocks sending with the reason while the JSON is invalid', () => {
		const p = new PlaygroundState();
		p.setJson('{"model": "x", "max_tokens": -1, "messages": []}');
		expect(p.canSend).toBe(false);
		expect(p.blockedReason).toMatch(/^max_tokens: /);
	});

	it('appends a reply and an empty user turn', () => {
		const p = new PlaygroundState();
		p.updateBlock(0, 0, { text: 'Hi' });
		p.appendReply({
			content: [
				{ type: 'text', text: 'Hello!', citations: null },
				{ type: 'tool_use', id: 't1', name: 'f', input: { a: 1 } }
			]
		});
		expect(JSON.parse(p.jsonText).messages).toEqual([
			{ role: 'user', content: 'Hi' },
			{
				role: 'assistant',
				content: [
					{ type: 'text', text: 'Hello!' },
					{ type: 'tool_use', id: 't1', name: 'f', input: { a: 1 } }
				]
			},
			{ role: 'user', content: '' }
		]);
	});

	it('joins beta flags with commas and sends the fault only to the simulator', () => {
		const sim = new PlaygroundState({ isSimulator: true });
		sim.toggleBeta('prompt-caching-2024-07-31', true);
		sim.toggleBeta('token-counting-2024-11-01', true);
		sim.setFault('overloaded');
		expect(sim.headers).toEqual({
			'anthropic-version': '2026-10-21',
			'anthropic-beta': 'prompt-caching-2024-07-31,token-counting-2024-11-01',
			'x-simulator-fault': 'overloaded'
		});
		const live = new PlaygroundState({ isSimulator: false });
		live.setFault('overloaded');
		expect(live.headers).toEqual({ 'anthropic-version': '2026-10-21' });
	});
});

describe('PlaygroundState intent methods', () => {
	const body = (p: PlaygroundState) => JSON.parse(p.jsonText);

	it('edits messages: add (alternating roles), role, blocks, move and remove', () => {
		const p = new PlaygroundState();
		p.updateBlock(0, 0, { text: 'first' });
		p.addMessage();
		p.updateBlock(1, 0, { text: 'second' });
		expect(body(p).messages.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant']);
		p.attachImage(1, { mediaType: 'image/png', data: 'AAAA' });
		expect(body(p).messages[1].content).toEqual([
			{ type: 'text', text: 'second' },
			{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AAAA' } }
		]);
		p.removeBlock(1, 1);
		p.moveMessage(1, 0);
		p.setRole(1, 'assistant');
		expect(body(p).messages.map((m: { content: unknown }) => JSON.stringify(m.content))).toEqual([
			'[{"type":"text","text":"second"}]',
			'"first"'
		]);
		p.removeMessage(0);
		expect(body(p).messages).toEqual([{ role: 'assistant', content: 'first' }]);
	});

	it('edits the system prompt, params and tools', () => {
		const p = new PlaygroundState();
		p.setModel('claude-x');
		p.setSystemText(0, 'Be brief');
		p.setUserId('u1');
		p.addTool({ name: 'calc', input_schema: { type: 'object' } });
		p.updateTool(0, { description: 'adds' });
		expect(body(p)).toMatchObject({
			model: 'claude-x',
			system: 'Be brief',
			metadata: { user_id: 'u1' }
		});
		expect(body(p).tools).toEqual([
			{ name: 'calc', input_schema: { type: 'object' }, description: 'adds' }
		]);
		p.setSystemText(0, '');
		p.setUserId('');
		p.removeTool(0);
		expect(body(p)).not.toHaveProperty('system');
		expect(body(p)).not.toHaveProperty('metadata');
		expect(body(p)).not.toHaveProperty('tools');
	});

	it('keeps a tool schema typed as invalid JSON out of the request and blocks Send until it is fixed', () => {
		const p = new PlaygroundState();
		p.addTool({ name: 'calc', input_schema: { type: 'object' } });
		p.setToolSchemaText(0, '{"type": "obj');
		expect(p.toolSchemaDraft(0)?.text).toBe('{"type": "obj');
		expect(p.blockedReason).toMatch(/^tools\.0\.input_schema: Invalid JSON/);
		expect(body(p).tools[0].input_schema).toEqual({ type: 'object' });
		p.setToolSchemaText(0, '{"type": "object", "properties": {}}');
		expect(p.blockedReason).toBeNull();
		expect(body(p).tools[0].input_schema).toEqual({ type: 'object', properties: {} });
	});

	it('retires a schema draft when the schema changes elsewhere', () => {
		const p = new PlaygroundState();
		p.addTool({ name: 'calc', input_schema: { type: 'object' } });
		p.setToolSchemaText(0, 'nope');
		expect(p.canSend).toBe(false);
		p.updateTool(0, { input_schema: { type: 'object', required: [] } });
		expect(p.toolSchemaDraft(0)).toBeNull();
		expect(p.blockedReason).toBeNull();
	});
});
