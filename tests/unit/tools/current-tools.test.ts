import { describe, expect, it } from 'vitest';
import { browserToolOf, computerInput, runBrowserTool } from '$lib/tools/client-tools';
import { latestScreenshot, replayActions } from '$lib/tools/computer';
import { bashAnswer } from '$lib/tools/mocks';
import { readWebSearch, serverToolName, withWebSearch } from '$lib/tools/server-tools';
import { VirtualFs } from '$lib/tools/vfs';

describe('memory tool on the in-browser file system', () => {
	it('creates, edits, renames and deletes under /memories', () => {
		const fs = new VirtualFs();
		const run = (input: Record<string, unknown>) => runBrowserTool(fs, 'memory', input);
		expect(run({ command: 'view', path: '/memories' })).toMatchObject({ ok: true });
		expect(run({ command: 'create', path: '/memories/notes.md', file_text: 'likes tea' })).toEqual({
			ok: true,
			output: 'File created successfully at: /memories/notes.md'
		});
		expect(
			run({
				command: 'str_replace',
				path: '/memories/notes.md',
				old_str: 'tea',
				new_str: 'green tea'
			})
		).toMatchObject({ ok: true });
		expect(
			run({
				command: 'insert',
				path: '/memories/notes.md',
				insert_line: 1,
				insert_text: 'lives in Oslo'
			})
		).toMatchObject({ ok: true });
		expect(fs.files()).toEqual({ '/memories/notes.md': 'likes green tea\nlives in Oslo' });
		expect(
			run({ command: 'rename', old_path: '/memories/notes.md', new_path: '/memories/user.md' })
		).toMatchObject({ ok: true });
		expect(Object.keys(fs.files())).toEqual(['/memories/user.md']);
		expect(run({ command: 'delete', path: '/memories/user.md' })).toMatchObject({ ok: true });
		expect(fs.files()).toEqual({});
	});
	it('refuses paths outside /memories', () => {
		const r = runBrowserTool(new VirtualFs(), 'memory', {
			command: 'create',
			path: '/etc/passwd',
			file_text: 'x'
		});
		expect(r).toMatchObject({ ok: false });
		expect(!r.ok && r.error).toMatch(/outside \/memories/);
	});
	it('the 2025 text editor has no undo_edit', () => {
		expect(browserToolOf('str_replace_based_edit_tool')).toBe('editor');
		const r = runBrowserTool(new VirtualFs(), 'editor', { command: 'undo_edit', path: '/a' });
		expect(!r.ok && r.error).toMatch(
			/allowed commands for the str_replace_based_edit_tool tool are: view, create, str_replace, insert$/
		);
	});
});

describe('bash mocks by command pattern', () => {
	const rules = [
		{ pattern: '^ls\\b', output: 'a.txt' },
		{ pattern: 'rm -rf', output: 'refused', isError: true }
	];
	it('answers with the first matching rule, or not at all', () => {
		expect(bashAnswer(rules, { command: 'ls -la' })).toEqual({ text: 'a.txt', isError: false });
		expect(bashAnswer(rules, { command: 'sudo rm -rf /' })).toEqual({
			text: 'refused',
			isError: true
		});
		expect(bashAnswer(rules, { command: 'cat x' })).toBeNull();
		expect(bashAnswer(rules, { restart: true })).toEqual({
			text: 'tool has been restarted.',
			isError: false
		});
		expect(bashAnswer([{ pattern: '(', output: '' }], { command: 'x' })?.isError).toBe(true);
	});
});

describe('computer toolset', () => {
	it('replays member calls like the 2024 actions', () => {
		const inputs = [
			computerInput('left_click', { coordinate: [10, 20] }),
			computerInput('type', { text: 'hi' })
		];
		expect(replayActions(inputs, 100, 100).map((a) => [a.action, a.x, a.y, a.isClick])).toEqual([
			['left_click', 10, 20, true],
			['type', 10, 20, false]
		]);
	});
	it('the screen shows the newest screenshot: a waiting one first, else the last sent', () => {
		const sent = { mediaType: 'image/png' as const, data: 'AAA' };
		const steps = [
			{
				results: [
					{
						tool_use_id: 't1',
						content: [
							{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AAA' } }
						]
					}
				]
			}
		];
		expect(latestScreenshot(steps, [])).toEqual(sent);
		expect(
			latestScreenshot(steps, [undefined, { mediaType: 'image/png', data: 'BBB' }])?.data
		).toBe('BBB');
		expect(latestScreenshot([], [])).toBeNull();
	});
});

describe('web search options', () => {
	it('writes options in the SDK shape and leaves empty ones out', () => {
		const def = withWebSearch(
			{ type: 'web_search_20260318', name: 'web_search' },
			{
				maxUses: 3,
				allowedDomains: ['a.test'],
				blockedDomains: [],
				city: 'Oslo',
				region: '',
				country: 'NO',
				timezone: ''
			}
		);
		expect(def).toEqual({
			type: 'web_search_20260318',
			name: 'web_search',
			max_uses: 3,
			allowed_domains: ['a.test'],
			user_location: { type: 'approximate', city: 'Oslo', country: 'NO' }
		});
		expect(readWebSearch(def)).toMatchObject({ maxUses: 3, city: 'Oslo', country: 'NO' });
		expect(serverToolName({ type: 'web_search_20250305' })).toBe('web_search');
	});
});
