import Anthropic, { BadRequestError } from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sdkClient, targets } from '../support/sdk-targets';
import { imageBlock, png } from '../support/images';

/** Tool use, beta tools and images, through the official SDK only. */
const model = 'claude-sonnet-4-6';
const weather: Anthropic.Tool = {
	name: 'get_weather',
	description: 'Current weather for a city',
	input_schema: {
		type: 'object',
		properties: {
			city: { type: 'string' },
			unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
			days: { type: 'integer', minimum: 1, maximum: 7 },
			when: { type: 'string', format: 'date' }
		},
		required: ['city', 'when']
	}
};
const time: Anthropic.Tool = {
	name: 'get_time',
	input_schema: {
		type: 'object',
		properties: { timezone: { type: 'string' } },
		required: ['timezone']
	}
};
const ask = (
	content: string,
	extra: Partial<Anthropic.MessageCreateParamsNonStreaming> = {}
): Anthropic.MessageCreateParamsNonStreaming => ({
	model,
	max_tokens: 400,
	tools: [weather, time],
	messages: [{ role: 'user', content }],
	...extra
});
const toolUses = (m: Anthropic.Message) =>
	m.content.filter((b): b is Anthropic.ToolUseBlock => b.type === 'tool_use');
const textOf = (m: Anthropic.Message) =>
	m.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
const validates = (tool: Anthropic.Tool, input: unknown) =>
	z.fromJSONSchema(tool.input_schema as Parameters<typeof z.fromJSONSchema>[0]).safeParse(input)
		.success;

describe.each(targets)('tools through the SDK against %s', (_name, baseURL) => {
	const client = () => sdkClient(baseURL());

	it('answers auto with tool_use blocks whose input fits the schema', async () => {
		const m = await client().messages.create(ask('What is the weather in Paris?'));
		const { max_tokens: _max, ...prompt } = ask('What is the weather in Paris?');
		expect((await client().messages.countTokens(prompt)).input_tokens).toBe(m.usage.input_tokens);
		expect(m.stop_reason).toBe('tool_use');
		expect(toolUses(m).length).toBeGreaterThan(0);
		for (const u of toolUses(m)) {
			expect(u.id).toMatch(/^toolu_01/);
			expect(validates(u.name === 'get_weather' ? weather : time, u.input)).toBe(true);
		}
	});

	it('follows each tool_choice', async () => {
		const any = await client().messages.create(ask('Hello', { tool_choice: { type: 'any' } }));
		expect(any.content[0].type).toBe('tool_use');
		const named = await client().messages.create(
			ask('What is the weather?', { tool_choice: { type: 'tool', name: 'get_time' } })
		);
		expect(toolUses(named).map((u) => u.name)).toContain('get_time');
		expect(toolUses(named).every((u) => u.name === 'get_time')).toBe(true);
		const none = await client().messages.create(
			ask('Use get_weather for Paris', { tool_choice: { type: 'none' } })
		);
		expect(toolUses(none)).toHaveLength(0);
		expect(none.stop_reason).toBe('end_turn');
		const noTools = await client().messages.create(ask('Hello', { tools: undefined }));
		expect(noTools.content.every((b) => b.type === 'text')).toBe(true);
	});

	it('calls in parallel unless disable_parallel_tool_use', async () => {
		const both = await client().messages.create(
			ask('Call get_weather for Paris and get_time for Tokyo')
		);
		expect(toolUses(both).map((u) => u.name)).toEqual(['get_weather', 'get_time']);
		const single = await client().messages.create(
			ask('Call get_weather for Paris and get_time for Tokyo', {
				tool_choice: { type: 'auto', disable_parallel_tool_use: true }
			})
		);
		expect(toolUses(single)).toHaveLength(1);
	});

	it('answers a tool_result in text that quotes it, and mentions an error', async () => {
		const first = await client().messages.create(
			ask('Weather in Oslo?', {
				tool_choice: { type: 'tool', name: 'get_weather', disable_parallel_tool_use: true }
			})
		);
		const [use] = toolUses(first);
		const followUp = (is_error: boolean) =>
			client().messages.create(
				ask('', {
					messages: [
						{ role: 'user', content: 'Weather in Oslo?' },
						{ role: 'assistant', content: first.content },
						{
							role: 'user',
							content: [
								{
									type: 'tool_result',
									tool_use_id: use.id,
									content: 'Light snow, -3 degrees',
									is_error
								}
							]
						}
					]
				})
			);
		const ok = await followUp(false);
		expect(ok.stop_reason).toBe('end_turn');
		expect(textOf(ok)).toContain('Light snow, -3 degrees');
		expect(textOf(await followUp(true))).toMatch(/error/);
	});

	it('streams tool answers whose final message equals the non-streamed one', async () => {
		const params = ask('Call get_weather for Paris and get_time for Tokyo');
		const stream = client().messages.stream(params);
		const partials = new Map<number, string>();
		for await (const e of stream)
			if (e.type === 'content_block_delta' && e.delta.type === 'input_json_delta')
				partials.set(e.index, (partials.get(e.index) ?? '') + e.delta.partial_json);
		const final = await stream.finalMessage();
		const created = await client().messages.create(params);
		expect(final.content).toEqual(created.content);
		expect(final.stop_reason).toBe('tool_use');
		expect(final.usage.output_tokens).toBe(created.usage.output_tokens);
		for (const [index, json] of partials)
			expect(JSON.parse(json)).toEqual((final.content[index] as Anthropic.ToolUseBlock).input);
	});

	it('counts tool input in output tokens and truncates at max_tokens', async () => {
		const forced = ask('Paris', { tool_choice: { type: 'tool', name: 'get_weather' } });
		const full = await client().messages.create(forced);
		expect(full.usage.output_tokens).toBeGreaterThan(5);
		const cut = await client().messages.create({ ...forced, max_tokens: 2 });
		expect(cut.stop_reason).toBe('max_tokens');
		expect(cut.usage.output_tokens).toBe(2);
	});

	it('applies stop sequences and max_tokens to tool answers the same way streamed or not', async () => {
		const first = await client().messages.create(
			ask('Weather in Rome?', {
				tool_choice: { type: 'tool', name: 'get_weather', disable_parallel_tool_use: true }
			})
		);
		const [use] = toolUses(first);
		const messages: Anthropic.MessageParam[] = [
			{ role: 'user', content: 'Weather in Rome?' },
			{ role: 'assistant', content: first.content },
			{
				role: 'user',
				content: [{ type: 'tool_result', tool_use_id: use.id, content: 'Warm and dry' }]
			}
		];
		const stopped = ask('', { messages, stop_sequences: ['returned'] });
		const created = await client().messages.create(stopped);
		expect(created.stop_reason).toBe('stop_sequence');
		expect(created.stop_sequence).toBe('returned');
		expect(textOf(created)).toBe('The get_weather tool ');
		const cut = ask('Paris and Tokyo', { tool_choice: { type: 'any' }, max_tokens: 12 });
		for (const params of [stopped, cut]) {
			const final = await client().messages.stream(params).finalMessage();
			const again = await client().messages.create(params);
			expect(final.content).toEqual(again.content);
			expect(final.stop_reason).toBe(again.stop_reason);
			expect(final.usage.output_tokens).toBe(again.usage.output_tokens);
		}
		expect((await client().messages.create(cut)).stop_reason).toBe('max_tokens');
	});

	it('takes images, billed by their size', async () => {
		const question = { type: 'text' as const, text: 'What is in this image?' };
		const small = await client().messages.countTokens({
			model,
			messages: [{ role: 'user', content: [imageBlock('image/png', png(100, 100)), question] }]
		});
		const big = await client().messages.create({
			model,
			max_tokens: 50,
			messages: [{ role: 'user', content: [imageBlock('image/png', png(1000, 1000)), question] }]
		});
		expect(big.usage.input_tokens - small.input_tokens).toBeGreaterThan(1000);
		const err = await client()
			.messages.create({
				model,
				max_tokens: 50,
				messages: [{ role: 'user', content: [question, imageBlock('image/jpeg', png(10, 10))] }]
			})
			.catch((e: unknown) => e);
		expect(err).toBeInstanceOf(BadRequestError);
		expect((err as BadRequestError).message).toMatch(/messages\.0\.content\.1\.source\.media_type/);
	});
});

describe.each(targets)('computer-use beta tools through the SDK against %s', (_name, baseURL) => {
	const client = () => sdkClient(baseURL());
	const computer: Anthropic.Beta.BetaToolComputerUse20241022 = {
		type: 'computer_20241022',
		name: 'computer',
		display_width_px: 1280,
		display_height_px: 800
	};
	const bash: Anthropic.Beta.BetaToolBash20241022 = { type: 'bash_20241022', name: 'bash' };

	it('refuses beta tools without the beta header', async () => {
		const err = await client()
			.beta.messages.create({
				model,
				max_tokens: 100,
				tools: [computer],
				messages: [{ role: 'user', content: 'Take a screenshot' }]
			})
			.catch((e: unknown) => e);
		expect(err).toBeInstanceOf(BadRequestError);
		expect((err as BadRequestError).message).toContain(
			"tools.0.type: 'computer_20241022' requires the anthropic-beta header computer-use-2024-10-22"
		);
	});

	it('counts beta tool prompts like usage, and needs the header there too', async () => {
		const prompt = {
			model,
			tools: [computer, bash],
			messages: [{ role: 'user' as const, content: 'List the files' }]
		};
		const counted = await client().beta.messages.countTokens({
			...prompt,
			betas: ['computer-use-2024-10-22']
		});
		const created = await client().beta.messages.create({
			...prompt,
			max_tokens: 200,
			betas: ['computer-use-2024-10-22']
		});
		expect(counted.input_tokens).toBe(created.usage.input_tokens);
		await expect(client().beta.messages.countTokens(prompt)).rejects.toBeInstanceOf(
			BadRequestError
		);
	});

	it('runs a computer-use loop to a text answer with the header', async () => {
		const messages: Anthropic.Beta.BetaMessageParam[] = [
			{ role: 'user', content: 'Open the browser and search for "simulators"' }
		];
		const actions: string[] = [];
		for (let step = 0; step < 8; step++) {
			const m = await client().beta.messages.create({
				model,
				max_tokens: 500,
				tools: [computer, bash],
				messages,
				betas: ['computer-use-2024-10-22']
			});
			const use = m.content.find(
				(b): b is Anthropic.Beta.BetaToolUseBlock => b.type === 'tool_use'
			);
			if (!use) {
				expect(m.stop_reason).toBe('end_turn');
				break;
			}
			const input = use.input as { action: string; coordinate?: [number, number] };
			actions.push(input.action);
			if (input.coordinate) expect(input.coordinate[0]).toBeLessThan(1280);
			messages.push(
				{ role: 'assistant', content: m.content },
				{ role: 'user', content: [{ type: 'tool_result', tool_use_id: use.id, content: 'done' }] }
			);
		}
		expect(actions).toEqual(['screenshot', 'mouse_move', 'left_click', 'type', 'key']);
	});
});

describe.each(targets)("today's client tools through the SDK against %s", (_name, baseURL) => {
	const client = () => sdkClient(baseURL());
	const memory: Anthropic.MemoryTool20250818 = { type: 'memory_20250818', name: 'memory' };
	const editor: Anthropic.ToolTextEditor20250728 = {
		type: 'text_editor_20250728',
		name: 'str_replace_based_edit_tool'
	};
	const computer: Anthropic.ComputerToolset20260801 = { type: 'computer_toolset_20260801' };

	it('memory and the text editor: parallel calls in their documented shapes, then a text answer', async () => {
		const messages: Anthropic.MessageParam[] = [
			{
				role: 'user',
				content: 'Remember that I like tea, and create a file notes.txt with the text "hello"'
			}
		];
		const calls: Anthropic.ToolUseBlock[] = [];
		for (let step = 0; step < 8; step++) {
			const m = await client().messages.create({
				model,
				max_tokens: 600,
				tools: [memory, editor],
				messages
			});
			const uses = toolUses(m);
			if (uses.length === 0) {
				expect(m.stop_reason).toBe('end_turn');
				expect(textOf(m)).toContain('created /notes.txt');
				break;
			}
			calls.push(...uses);
			messages.push(
				{ role: 'assistant', content: m.content },
				{
					role: 'user',
					content: uses.map((u) => ({
						type: 'tool_result' as const,
						tool_use_id: u.id,
						content: 'ok'
					}))
				}
			);
		}
		expect(calls.filter((c) => c.name === 'memory').map((c) => c.input)).toEqual([
			{ command: 'view', path: '/memories' },
			{
				command: 'create',
				path: '/memories/user_preferences.md',
				file_text: '# User preferences\n\n- The user likes tea\n'
			}
		]);
		const edits = calls
			.filter((c) => c.name === 'str_replace_based_edit_tool')
			.map((c) => c.input as Record<string, unknown>);
		expect(edits[0]).toEqual({ command: 'create', path: '/notes.txt', file_text: 'hello\n' });
		expect(edits[1]).toMatchObject({
			command: 'str_replace',
			path: '/notes.txt',
			old_str: 'hello'
		});
	});

	it('the computer toolset: typed member calls with toolset_name, clicking inside the screenshot sent back', async () => {
		const first = await client().messages.create({
			model,
			max_tokens: 300,
			tools: [computer],
			messages: [{ role: 'user', content: 'Open the browser and search for "tide tables"' }]
		});
		const [shot] = toolUses(first) as Anthropic.ComputerToolUseBlock[];
		expect(shot).toMatchObject({ name: 'screenshot', toolset_name: 'computer', input: {} });
		const next = await client().messages.create({
			model,
			max_tokens: 300,
			tools: [computer],
			messages: [
				{ role: 'user', content: 'Open the browser and search for "tide tables"' },
				{ role: 'assistant', content: first.content },
				{
					role: 'user',
					content: [
						{
							type: 'tool_result',
							tool_use_id: shot.id,
							toolset_name: 'computer',
							content: [imageBlock('image/png', png(320, 200)) as Anthropic.ImageBlockParam]
						}
					]
				}
			]
		});
		const [click] = toolUses(next) as Anthropic.ComputerToolUseBlock[];
		expect(click).toMatchObject({ name: 'left_click', toolset_name: 'computer' });
		const [x, y] = (click.input as Anthropic.ComputerLeftClickInput).coordinate ?? [];
		expect(x).toBeGreaterThanOrEqual(0);
		expect(x).toBeLessThan(320);
		expect(y).toBeGreaterThanOrEqual(0);
		expect(y).toBeLessThan(200);
	});

	it('streams a member call whose final message equals the non-streamed one, toolset_name included', async () => {
		const params = {
			model,
			max_tokens: 300,
			tools: [computer],
			messages: [{ role: 'user' as const, content: 'Take a screenshot of the desktop' }]
		};
		const plain = await client().messages.create(params);
		const streamed = await client().messages.stream(params).finalMessage();
		expect(toolUses(streamed)).toEqual(
			toolUses(plain).map((u) => ({ ...u, id: expect.any(String) }))
		);
		expect(toolUses(streamed)[0]).toMatchObject({ name: 'screenshot', toolset_name: 'computer' });
	});
});
