import { expect, test, type Page } from '@playwright/test';
import { open } from './support';

type Body = { messages: { role: string; content: unknown }[]; tools?: unknown[] } & Record<
	string,
	unknown
>;
type Block = Record<string, unknown>;

/** Every body the page posts to the Messages API, in order. */
function recordRequests(page: Page): Body[] {
	const bodies: Body[] = [];
	page.on('request', (r) => {
		if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/messages')
			bodies.push(r.postDataJSON());
	});
	return bodies;
}

const calls = (page: Page) => page.getByTestId('tool-call');
const answer = (page: Page) => page.getByTestId('response-text');
const status = (page: Page) => page.getByTestId('run-status');
const send = (page: Page) => page.getByRole('button', { name: 'Send', exact: true }).click();
const cont = (page: Page) => page.getByRole('button', { name: 'Continue', exact: true }).click();
const lastUserBlocks = (b: Body) => b.messages[b.messages.length - 1].content as Block[];

async function prompt(page: Page, text: string) {
	await page.getByLabel('Text of message 1 block 1').fill(text);
}

/**
 * The 2024 computer-use tools left the picker; an old request that uses one still loads, with
 * its beta flag, flagged as obsolete, and the tool loop still runs it.
 */
async function loadOldTool(page: Page, tool: Record<string, unknown>) {
	const model = await page.getByRole('combobox', { name: 'Model', exact: true }).inputValue();
	const body = {
		model,
		max_tokens: 1024,
		messages: [{ role: 'user', content: '' }],
		tools: [tool],
		betas: ['computer-use-2024-10-22']
	};
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('textbox', { name: /paste/i }).fill(JSON.stringify(body));
	await page.getByRole('dialog').getByRole('button', { name: 'Import' }).click();
	await expect(page.getByTestId('obsolete-tools')).toContainText(String(tool.type));
}
const OLD_EDITOR = { type: 'text_editor_20241022', name: 'str_replace_editor' };
const OLD_BASH = { type: 'bash_20241022', name: 'bash' };
const OLD_COMPUTER = {
	type: 'computer_20241022',
	name: 'computer',
	display_width_px: 1024,
	display_height_px: 768,
	display_number: 1
};

test('weather tool: the model calls it, a typed result goes back, the answer quotes it', async ({
	page
}) => {
	const bodies = recordRequests(page);
	await open(page, '/');
	await page.getByRole('button', { name: 'Weather lookup' }).click();
	await expect(page.getByLabel('Name of tool 1')).toHaveValue('get_weather');
	await page.getByLabel('Mock for get_weather').selectOption('none');
	await send(page);
	await expect(calls(page)).toHaveCount(1);
	const call = calls(page).first();
	await expect(call).toHaveAttribute('data-tool-name', 'get_weather');
	await expect(call.getByTestId('tool-call-input')).toContainText('"city"');
	const id = (await call.getAttribute('data-tool-use-id'))!;
	await call
		.getByRole('textbox', { name: /^Result for/ })
		.fill('{"temp_c": 14, "conditions": "light rain"}');
	await cont(page);
	await expect(status(page)).toHaveText('done');
	await expect(answer(page)).toContainText('light rain');
	await expect(calls(page)).toHaveCount(0);

	expect(bodies).toHaveLength(2);
	const second = bodies[1];
	expect(second.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
	expect(
		(second.messages[1].content as Block[]).some((b) => b.type === 'tool_use' && b.id === id)
	).toBe(true);
	expect(lastUserBlocks(second)).toEqual([
		{ type: 'tool_result', tool_use_id: id, content: '{"temp_c": 14, "conditions": "light rain"}' }
	]);
	await expect(page.getByTestId('transcript')).toHaveAttribute('data-steps', '2');

	// The permalink keeps the whole run's transcript.
	await page.getByTestId('transcript').getByRole('button', { name: 'Share' }).click();
	const link = await page.getByLabel('Share link').inputValue();
	await open(page, new URL(link).pathname);
	const stored = page.locator('details', { hasText: 'Tool-run transcript' });
	await stored.getByText('Tool-run transcript').click();
	await expect(stored).toContainText('"kind": "tool-run"');
	await expect(stored).toContainText(`"tool_use_id": "${id}"`);
	await expect(stored).toContainText('"source": "manual"');
});

test('parallel calls: refused until all are answered, then sent in call order', async ({
	page
}) => {
	const bodies = recordRequests(page);
	await open(page, '/');
	await page.getByRole('button', { name: 'Weather lookup' }).click();
	await page.getByLabel('Mock for get_weather').selectOption('none');
	await prompt(page, 'What is the weather in Paris and in London?');
	await send(page);
	await expect(calls(page)).toHaveCount(2);
	const ids = await calls(page).evaluateAll((els) =>
		els.map((e) => e.getAttribute('data-tool-use-id'))
	);
	// Answer the second call first: order must come from the calls, not from typing.
	await calls(page)
		.nth(1)
		.getByRole('textbox', { name: /^Result for/ })
		.fill('London: 12C');
	await cont(page);
	await expect(page.getByTestId('tool-notice')).toContainText(`${ids[0]}) has no result`);
	expect(bodies).toHaveLength(1);
	await calls(page)
		.nth(0)
		.getByRole('textbox', { name: /^Result for/ })
		.fill('Paris: 21C');
	await cont(page);
	await expect(status(page)).toHaveText('done');
	await expect(answer(page)).toContainText('Paris: 21C');
	expect(lastUserBlocks(bodies[1]).map((b) => [b.tool_use_id, b.content])).toEqual([
		[ids[0], 'Paris: 21C'],
		[ids[1], 'London: 12C']
	]);
});

test('an is_error result is sent as such and the model says the tool failed', async ({ page }) => {
	const bodies = recordRequests(page);
	await open(page, '/');
	await page.getByRole('button', { name: 'Weather lookup' }).click();
	await send(page);
	const call = calls(page).first();
	await expect(call.getByTestId('result-box')).toHaveAttribute('data-source', 'mock');
	await call.getByRole('textbox', { name: /^Result for/ }).fill('City not found');
	await call.getByLabel('is_error').check();
	await cont(page);
	await expect(answer(page)).toContainText('reported an error (is_error: true)');
	expect(lastUserBlocks(bodies[1])).toEqual([
		expect.objectContaining({ type: 'tool_result', content: 'City not found', is_error: true })
	]);
});

test('auto-run with mocks continues by itself and stops at the step cap', async ({ page }) => {
	const bodies = recordRequests(page);
	await open(page, '/');
	await page.getByRole('button', { name: 'Calculator' }).click();
	// `any` forces a call every turn, so only the cap ends the loop.
	await page.getByLabel('tool_choice').selectOption('any');
	await send(page);
	await expect(calls(page)).toHaveCount(1);
	await page.getByLabel('Step cap').fill('3');
	await page.getByLabel('Step cap').blur();
	await page.getByRole('button', { name: 'Auto-run' }).click();
	await expect(page.getByTestId('tool-notice')).toContainText('step cap (3 steps)');
	expect(bodies).toHaveLength(4);
	await expect(page.getByTestId('transcript')).toHaveAttribute('data-steps', '4');
	await expect(page.getByTestId('transcript-step')).toHaveCount(4);
	// Every mocked result came from the calculator, which never evaluates code.
	for (const b of bodies.slice(1))
		expect(lastUserBlocks(b)[0]).toMatchObject({ type: 'tool_result' });
	await expect(page.getByTestId('total-usage')).toContainText(/in \d+ · out \d+/);
});

test('text editor tool: create then str_replace run in the browser, the files panel shows the result', async ({
	page
}) => {
	const bodies = recordRequests(page);
	await open(page, '/');
	await loadOldTool(page, OLD_EDITOR);
	await expect(
		page.getByLabel('anthropic-beta').getByLabel('computer-use-2024-10-22')
	).toBeChecked();
	await prompt(page, 'Please keep some notes for me.');
	await send(page);
	await expect(page.getByTestId('editor-command')).toContainText('create /tmp/');
	await cont(page);
	await expect(page.getByTestId('editor-command')).toContainText('str_replace');
	expect(lastUserBlocks(bodies[1])[0].content).toMatch(
		/^File created successfully at: \/tmp\/\w+\.md$/
	);
	const file = page.getByTestId('vfs-file');
	await expect(file.getByTestId('vfs-content')).toContainText('First line.');
	await page.getByRole('button', { name: 'Run in editor' }).click();
	await expect(file.getByTestId('vfs-content')).toContainText('First line, edited.');
	await expect(file.getByTestId('vfs-content')).not.toContainText('First line.\n');
	await cont(page);
	await expect(page.getByTestId('editor-command')).toContainText('insert');
	expect(lastUserBlocks(bodies[2])[0].content).toContain('has been edited');
});

test('computer tool: actions are drawn on the screen canvas; a screenshot goes back as an image', async ({
	page
}) => {
	const bodies = recordRequests(page);
	await open(page, '/');
	await loadOldTool(page, OLD_COMPUTER);
	await prompt(page, 'Search for "tide tables" please');
	await send(page);
	await expect(page.getByTestId('computer-action')).toHaveText('screenshot');
	const png = Buffer.from(
		'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
		'base64'
	);
	await page
		.getByLabel(/^Image result for computer/)
		.setInputFiles({ name: 'shot.png', mimeType: 'image/png', buffer: png });
	await expect(page.getByTestId('result-image')).toBeVisible();
	await cont(page);
	await expect(page.getByTestId('computer-action')).toHaveText(/^mouse_move at \(\d+, \d+\)$/);
	expect(lastUserBlocks(bodies[1])[0].content).toEqual([
		{
			type: 'image',
			source: { type: 'base64', media_type: 'image/png', data: png.toString('base64') }
		}
	]);

	await page.getByLabel('Mock for computer').selectOption('fixed');
	await page.getByLabel('Mock result for computer').fill('done');
	await page.getByRole('button', { name: 'Auto-run' }).click();
	await expect(calls(page)).toHaveCount(0);
	await expect(status(page)).toHaveText('done');
	const canvas = page.getByTestId('screen-canvas');
	const drawn = async () =>
		JSON.parse((await canvas.getAttribute('data-actions')) ?? '[]') as {
			action: string;
			x: number;
			y: number;
			isClick: boolean;
			text?: string;
		}[];
	// Auto-run passes through "no calls, done" between steps: wait for the whole loop's actions.
	await expect
		.poll(async () => (await drawn()).map((a) => a.action))
		.toEqual(['screenshot', 'mouse_move', 'left_click', 'type', 'key']);
	const actions = await drawn();
	expect(actions[2]).toMatchObject({ isClick: true, x: actions[1].x, y: actions[1].y });
	expect(actions[3].text).toBe('tide tables');
	expect(actions[4].text).toBe('Return');
});

test('bash tool: the command is shown and a mocked result continues the demo', async ({ page }) => {
	const bodies = recordRequests(page);
	await open(page, '/');
	await loadOldTool(page, OLD_BASH);
	await prompt(page, 'List the files in this folder');
	await send(page);
	await expect(page.getByTestId('bash-command')).toHaveText('$ ls -la');
	await page.getByLabel('Mock for bash').selectOption('fixed');
	await page.getByLabel('Mock result for bash').fill('README.md\nsrc');
	await cont(page);
	await expect(page.getByTestId('bash-command')).toHaveText('$ cat README.md | head -n 20');
	expect(lastUserBlocks(bodies[1])[0]).toMatchObject({ content: 'README.md\nsrc' });
	expect(bodies[1].tools).toEqual([{ type: 'bash_20241022', name: 'bash' }]);
});

test('a beta tool without its beta header gets the API error', async ({ page }) => {
	await open(page, '/');
	await loadOldTool(page, OLD_BASH);
	await page.getByLabel('anthropic-beta').getByLabel('computer-use-2024-10-22').uncheck();
	await prompt(page, 'List the files here');
	await send(page);
	await expect(status(page)).toHaveText('error');
	await expect(page.getByTestId('error-status')).toHaveText('400');
	await expect(page.getByTestId('error-type')).toHaveText('invalid_request_error');
	await expect(page.getByTestId('error-message')).toContainText(
		'requires the anthropic-beta header computer-use-2024-10-22'
	);
});

test('a bad input_schema or tool name is flagged and blocks Send', async ({ page }) => {
	await open(page, '/');
	await page.getByRole('button', { name: 'Weather lookup' }).click();
	const schema = page.getByRole('textbox', { name: 'input_schema of tool 1' });
	await schema.click();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.insertText('{"type": "string"}');
	await expect(page.getByTestId('schema-problem')).toContainText('type');
	await expect(page.getByTestId('send-blocked')).toContainText('input_schema');
	await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeDisabled();
	await page.keyboard.press('ControlOrMeta+a');
	// Typed key by key: the text must stay as typed, not be reformatted once it becomes valid.
	await page.keyboard.type('{"type": "object", "properties": {}}');
	await expect(schema).toHaveText('{"type": "object", "properties": {}}');
	await expect(page.getByTestId('schema-problem')).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeEnabled();
	await page.getByLabel('Name of tool 1').fill('bad name!');
	await expect(page.getByTestId('tool-name-problem')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeDisabled();
});
