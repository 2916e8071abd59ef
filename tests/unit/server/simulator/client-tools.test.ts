import { COMPUTER_MEMBER_NAME_VALUES } from '@anthropic-ai/sdk/resources/messages';
import { describe, expect, it } from 'vitest';
import { COMPUTER_MEMBERS } from '../../../../src/lib/server/simulator/computer-toolset';
import { planMessage, type SimContext } from '../../../../src/lib/server/simulator/messages';
import { HttpProblem } from '../../../../src/lib/server/http';
import {
	MessageSchema,
	type Message,
	type MessageCreateParams,
	type MessageParam,
	type TurnContent
} from '../../../../src/lib/schemas';
import { VirtualFs } from '../../../../src/lib/tools/vfs';
import { runBrowserTool, browserToolOf } from '../../../../src/lib/tools/client-tools';

// Today's client tools, in the shapes of SDK 1.14's ToolTextEditor20250728, ToolBash20250124,
// MemoryTool20250818 and ComputerToolset20260801.
const ctx: SimContext = { seed: 'unit', betas: [] };
const editor = {
	type: 'text_editor_20250728' as const,
	name: 'str_replace_based_edit_tool' as const
};
const bash = { type: 'bash_20250124' as const, name: 'bash' as const };
const memory = { type: 'memory_20250818' as const, name: 'memory' as const };
const computer = { type: 'computer_toolset_20260801' as const };
// The SDK's list is the reference: the simulator calls no member the SDK does not know.
const MEMBERS: readonly string[] = COMPUTER_MEMBER_NAME_VALUES;

type ToolUse = {
	type: 'tool_use';
	id: string;
	name: string;
	input: Record<string, unknown>;
	toolset_name?: string | null;
	caller?: unknown;
};
const uses = (m: Message) => m.content.filter((b): b is ToolUse => b.type === 'tool_use');
const text = (m: Message) =>
	m.content
		.filter((b) => b.type === 'text')
		.map((b) => (b as { text: string }).text)
		.join('\n');

/** A PNG header of the given size: enough for the simulator to read the screen the model saw. */
function png(width: number, height: number): string {
	const bytes = Buffer.alloc(33);
	Buffer.from([
		0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52
	]).copy(bytes, 0);
	bytes.writeUInt32BE(width, 16);
	bytes.writeUInt32BE(height, 20);
	return bytes.toString('base64');
}

/**
 * Runs the loop the playground runs: text editor and memory calls on the in-browser file
 * system, others answered by `answer`, until the model answers in text.
 */
function loop(
	params: Omit<MessageCreateParams, 'messages'>,
	prompt: string,
	answer: (c: ToolUse) => unknown = () => 'ok',
	maxSteps = 12
) {
	const fs = new VirtualFs();
	const messages: MessageParam[] = [{ role: 'user', content: prompt }];
	const turns: ToolUse[][] = [];
	for (let i = 0; i < maxSteps; i++) {
		const m = planMessage({ ...params, messages } as MessageCreateParams, ctx);
		expect(MessageSchema.safeParse(m).success).toBe(true);
		const calls = uses(m);
		if (calls.length === 0) return { turns, final: m, fs, messages };
		expect(m.stop_reason).toBe('tool_use');
		turns.push(calls);
		messages.push({ role: 'assistant', content: m.content as TurnContent });
		const results = calls.map((c) => {
			const runs = browserToolOf(c.name);
			if (runs) {
				const r = runBrowserTool(fs, runs, c.input);
				return {
					type: 'tool_result',
					tool_use_id: c.id,
					content: r.ok ? r.output : r.error,
					is_error: !r.ok
				};
			}
			const given = answer(c);
			const failed = typeof given === 'object' && given !== null && 'error' in given;
			const content = failed ? (given as { error: string }).error : given;
			return {
				type: 'tool_result',
				tool_use_id: c.id,
				content,
				is_error: failed,
				...(c.toolset_name ? { toolset_name: c.toolset_name } : {})
			};
		});
		messages.push({ role: 'user', content: results as TurnContent });
	}
	throw new Error('the loop did not end');
}

const base = { model: 'claude-sonnet-4-6', max_tokens: 1000 };

describe('memory_20250818', () => {
	it('views /memories first, then saves what the prompt asks to remember under /memories', () => {
		const { turns, final, fs } = loop({ ...base, tools: [memory] }, 'Remember that I like tea.');
		const inputs = turns.flat().map((c) => c.input);
		expect(turns.flat().every((c) => c.name === 'memory' && c.toolset_name === undefined)).toBe(
			true
		);
		expect(inputs[0]).toEqual({ command: 'view', path: '/memories' });
		expect(inputs[1]).toMatchObject({
			command: 'create',
			path: expect.stringMatching(/^\/memories\/[\w-]+\.md$/)
		});
		expect(inputs[1].file_text).toMatch(/likes tea/);
		const files = fs.files();
		expect(Object.keys(files)).toEqual([inputs[1].path]);
		expect(files[inputs[1].path as string]).toContain('tea');
		expect(final.stop_reason).toBe('end_turn');
		expect(text(final)).toContain(`saved to memory in ${inputs[1].path}`);
	});

	it('adds to an existing memory file with insert_text when create is refused', () => {
		const { turns, fs } = loop(
			{ ...base, tools: [memory] },
			'Remember that I like coffee.',
			undefined
		);
		// A second conversation: the file exists now, so create fails and the model inserts instead.
		const again = new VirtualFs(fs.files());
		const messages: MessageParam[] = [{ role: 'user', content: 'Remember that I like coffee.' }];
		let inserted: Record<string, unknown> | undefined;
		for (let i = 0; i < 6 && !inserted; i++) {
			const m = planMessage({ ...base, tools: [memory], messages }, ctx);
			const calls = uses(m);
			if (calls.length === 0) break;
			messages.push({ role: 'assistant', content: m.content as TurnContent });
			const r = runBrowserTool(again, 'memory', calls[0].input);
			if (calls[0].input.command === 'insert') inserted = calls[0].input;
			messages.push({
				role: 'user',
				content: [
					{
						type: 'tool_result',
						tool_use_id: calls[0].id,
						content: r.ok ? r.output : r.error,
						is_error: !r.ok
					}
				]
			});
		}
		expect(turns).toHaveLength(2);
		expect(inserted).toMatchObject({
			command: 'insert',
			insert_line: 0,
			insert_text: expect.stringContaining('coffee')
		});
		expect(inserted).not.toHaveProperty('new_str');
	});
});

describe('text_editor_20250728', () => {
	it('creates the file the prompt names with its text, then str_replaces after the result, then views it', () => {
		const { turns, final, fs } = loop(
			{ ...base, tools: [editor] },
			'Create a file notes.txt with the text "buy milk and eggs".'
		);
		const inputs = turns.flat().map((c) => c.input);
		expect(turns.flat().every((c) => c.name === 'str_replace_based_edit_tool')).toBe(true);
		expect(inputs[0]).toEqual({
			command: 'create',
			path: '/notes.txt',
			file_text: 'buy milk and eggs\n'
		});
		expect(inputs[1]).toMatchObject({
			command: 'str_replace',
			path: '/notes.txt',
			old_str: 'buy milk and eggs'
		});
		expect(inputs[2]).toEqual({ command: 'view', path: '/notes.txt' });
		expect(inputs.map((i) => i.command)).not.toContain('undo_edit');
		expect(fs.files()['/notes.txt']).toBe(`${inputs[1].new_str}\n`);
		expect(text(final)).toContain('created /notes.txt');
		expect(text(final)).toContain('buy milk and eggs');
	});

	it('follows "replace X with Y" when X is in the file', () => {
		const { turns } = loop(
			{ ...base, tools: [editor] },
			'Write "Hello world" to /tmp/hello.md, then replace world with Paris.'
		);
		const [create, replace] = turns.flat().map((c) => c.input);
		expect(create).toMatchObject({ path: '/tmp/hello.md', file_text: 'Hello world\n' });
		expect(replace).toEqual({
			command: 'str_replace',
			path: '/tmp/hello.md',
			old_str: 'world',
			new_str: 'Paris'
		});
	});
});

describe('memory and text editor together', () => {
	const prompt = 'Remember that I like green tea, and keep a notes file for me.';

	it('calls both in parallel, one step each, and ends with files in and outside /memories', () => {
		const { turns, final, fs } = loop({ ...base, tools: [memory, editor] }, prompt);
		expect(turns[0].map((c) => c.name)).toEqual(['memory', 'str_replace_based_edit_tool']);
		const paths = Object.keys(fs.files());
		expect(paths.some((p) => p.startsWith('/memories/'))).toBe(true);
		expect(paths.some((p) => !p.startsWith('/memories/'))).toBe(true);
		expect(Object.values(fs.files()).every((t) => t.includes('green tea'))).toBe(true);
		expect(final.stop_reason).toBe('end_turn');
	});

	it('says what it is about to do, in words that name the paths', () => {
		// After a tool_result (not forced) the model always says what comes next.
		const { messages } = loop({ ...base, tools: [memory, editor] }, prompt);
		const second = messages[3].content as { type: string; text?: string }[];
		expect(second[0]).toEqual({
			type: 'text',
			text: "I'll save that in /memories/user_preferences.md and edit /notes.md."
		});
	});

	it('one tool at a time when parallel tool use is off', () => {
		const { turns } = loop(
			{
				...base,
				tools: [memory, editor],
				tool_choice: { type: 'auto', disable_parallel_tool_use: true }
			},
			prompt
		);
		expect(turns.every((t) => t.length === 1)).toBe(true);
		expect(turns.map((t) => t[0].name)).toEqual([
			'memory',
			'memory',
			'str_replace_based_edit_tool',
			'str_replace_based_edit_tool',
			'str_replace_based_edit_tool'
		]);
	});

	it('is deterministic: the same request gives the same calls', () => {
		const a = loop({ ...base, tools: [memory, editor] }, prompt);
		const b = loop({ ...base, tools: [memory, editor] }, prompt);
		expect(b.turns.map((t) => t.map((c) => c.input))).toEqual(
			a.turns.map((t) => t.map((c) => c.input))
		);
		expect(text(b.final)).toBe(text(a.final));
	});
});

describe('bash_20250124', () => {
	it('runs the command the prompt gives, restarts after an error, and quotes the output', () => {
		const ok = loop(
			{ ...base, tools: [bash] },
			'Run `git log --oneline -3` in the shell',
			() => 'abc123 first commit'
		);
		expect(ok.turns.flat().map((c) => c.input)).toEqual([{ command: 'git log --oneline -3' }]);
		expect(text(ok.final)).toContain('abc123 first commit');
		const listing = loop({ ...base, tools: [bash] }, 'List the files in this directory');
		expect(listing.turns[0][0].input).toEqual({ command: 'ls -la' });
		const shown = loop(
			{ ...base, tools: [bash] },
			'Show me what is in config.yaml, using the terminal',
			() => 'port: 80'
		);
		expect(shown.turns.flat().map((c) => c.input)).toEqual([
			{ command: 'uname -a' },
			{ command: 'cat config.yaml' }
		]);
		const failing = loop({ ...base, tools: [bash] }, 'Run `make test` in the shell', () => ({
			error: 'bash: crashed'
		}));
		expect(failing.turns.flat().map((c) => c.input)).toEqual([
			{ command: 'make test' },
			{ restart: true }
		]);
		expect(text(failing.final)).toContain('is_error');
	});
});

describe('computer_toolset_20260801', () => {
	it("knows the toolset's members exactly as the SDK lists them", () => {
		expect([...COMPUTER_MEMBERS]).toEqual([...COMPUTER_MEMBER_NAME_VALUES]);
	});

	const shot = (w: number, h: number) => () => [
		{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: png(w, h) } }
	];

	it('calls members by their own names with toolset_name "computer": screenshot first, then acts inside it', () => {
		const { turns, final } = loop(
			{ ...base, tools: [computer] },
			'Open the browser and search for "tide tables"',
			shot(640, 400)
		);
		const calls = turns.flat();
		expect(calls.every((c) => c.toolset_name === 'computer' && MEMBERS.includes(c.name))).toBe(
			true
		);
		expect(calls.map((c) => c.name)).toEqual([
			'screenshot',
			'left_click',
			'type',
			'key',
			'screenshot'
		]);
		expect(calls[0].input).toEqual({});
		const [x, y] = calls[1].input.coordinate as number[];
		expect(Number.isInteger(x) && x >= 0 && x < 640).toBe(true);
		expect(Number.isInteger(y) && y >= 0 && y < 400).toBe(true);
		expect(calls[2].input).toEqual({ text: 'tide tables' });
		expect(calls[3].input).toEqual({ text: 'Return' });
		expect(text(final)).toContain('typed "tide tables"');
		expect(text(final)).toContain('640x400');
	});

	it('clicks inside whatever screenshot came back, even a 1x1 one', () => {
		const { turns } = loop(
			{ ...base, tools: [computer] },
			'Search for "tide tables" please',
			shot(1, 1)
		);
		expect(turns.flat()[1].input).toEqual({ coordinate: [0, 0] });
	});

	it('types a URL the prompt names and never calls a member switched off in configs', () => {
		const tools = [{ ...computer, configs: { key: { enabled: false } } }];
		const { turns } = loop(
			{ ...base, tools },
			'Open a browser and go to example.com',
			shot(1280, 800)
		);
		const names = turns.flat().map((c) => c.name);
		expect(names).not.toContain('key');
		expect(turns.flat().find((c) => c.name === 'type')?.input).toEqual({ text: 'example.com' });
	});

	it('streams and counts like any tool_use; the block keeps toolset_name', () => {
		const m = planMessage(
			{
				...base,
				tools: [computer],
				messages: [{ role: 'user', content: 'Take a screenshot of my screen' }]
			},
			ctx
		);
		expect(uses(m)[0]).toMatchObject({
			type: 'tool_use',
			name: 'screenshot',
			toolset_name: 'computer',
			input: {},
			caller: { type: 'direct' }
		});
	});
});

describe('computer_toolset_20260801 request rules', () => {
	const ask =
		(tools: unknown[], extra: Partial<MessageCreateParams> = {}) =>
		() =>
			planMessage(
				{
					...base,
					tools,
					messages: [{ role: 'user', content: 'Click the button' }],
					...extra
				} as MessageCreateParams,
				ctx
			);
	const failure = (fn: () => unknown) => {
		try {
			fn();
		} catch (e) {
			return e as HttpProblem & { errorCode?: string };
		}
		throw new Error('expected a 400');
	};

	it('rejects fields a toolset entry does not carry and config keys that are not members', () => {
		expect(failure(ask([{ ...computer, display_width_px: 1024 }])).message).toBe(
			'tools.0.display_width_px: Extra inputs are not permitted'
		);
		expect(failure(ask([{ ...computer, name: 'computer' }])).message).toBe(
			'tools.0.name: Extra inputs are not permitted'
		);
		expect(failure(ask([{ ...computer, configs: { navigate: { enabled: true } } }])).message).toBe(
			'tools.0.configs.navigate: Extra inputs are not permitted'
		);
		expect(failure(ask([{ ...computer, configs: { zoom: { enabled: 'no' } } }])).message).toBe(
			'tools.0.configs.zoom.enabled: Input should be a valid boolean'
		);
	});

	it('a tool named like a served member is a tool_name_conflict; a member switched off frees its name', () => {
		const custom = {
			name: 'screenshot',
			input_schema: { type: 'object' as const, properties: {} }
		};
		const e = failure(ask([computer, custom]));
		expect(e.status).toBe(400);
		expect(e.errorCode).toBe('tool_name_conflict');
		expect(e.message).toContain("'screenshot'");
		expect(failure(ask([computer, computer])).errorCode).toBe('tool_name_conflict');
		expect(
			ask([{ ...computer, configs: { screenshot: { enabled: false } } }, custom])
		).not.toThrow();
	});

	it('tool_choice may force a member by name; the forced input is valid for that member and inside the screen', () => {
		const m = ask([computer], { tool_choice: { type: 'tool', name: 'scroll' } })();
		expect(uses(m)).toEqual([
			expect.objectContaining({
				name: 'scroll',
				toolset_name: 'computer',
				input: { coordinate: [512, 384], scroll_direction: 'down', scroll_amount: 3 }
			})
		]);
		expect(m.content[0].type).toBe('tool_use');
		expect(
			failure(
				ask([{ ...computer, configs: { scroll: { enabled: false } } }], {
					tool_choice: { type: 'tool', name: 'scroll' }
				})
			).message
		).toBe("tool_choice.name: Tool 'scroll' not found in the provided tools");
	});
});

describe('the 2024 beta tools are unchanged', () => {
	it('still answers a computer_20241022 tool with the 2024 {action} input and no toolset_name', () => {
		const old = {
			type: 'computer_20241022' as const,
			name: 'computer' as const,
			display_width_px: 1024,
			display_height_px: 768
		};
		const m = planMessage(
			{ ...base, tools: [old], messages: [{ role: 'user', content: 'Take a screenshot' }] },
			{ seed: 'unit', betas: ['computer-use-2024-10-22'] }
		);
		expect(uses(m)[0]).toMatchObject({ name: 'computer', input: { action: 'screenshot' } });
		expect(uses(m)[0].toolset_name).toBeUndefined();
	});
});
