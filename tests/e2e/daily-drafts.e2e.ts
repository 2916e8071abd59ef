import { expect, test, type Page } from '@playwright/test';
import { open } from './support';

const SHARED = {
	model: 'claude-3-5-haiku-20241022',
	max_tokens: 200,
	messages: [{ role: 'user', content: 'From the shared link' }]
};

async function share(page: Page): Promise<string> {
	const res = await page.request.post('/api/permalinks', { data: { request: SHARED } });
	return (await res.json()).id;
}
const firstText = (page: Page) => page.getByLabel('Text of message 1 block 1');

test('opening a permalink over a draft offers Undo, which brings the draft back', async ({
	page
}) => {
	const id = await share(page);
	await open(page, '/');
	await firstText(page).fill('My own careful draft');
	await open(page, `/p/${id}`);
	await page.getByRole('link', { name: 'Open in playground' }).click();
	await expect(firstText(page)).toHaveValue('From the shared link');
	await expect(page.getByTestId('undo-bar')).toContainText(
		'The shared request replaced your draft.'
	);
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(firstText(page)).toHaveValue('My own careful draft');
	await expect(page.getByTestId('undo-bar')).toHaveCount(0);
});

test('a reload after loading keeps the edits made since, and load= has left the URL', async ({
	page
}) => {
	const id = await share(page);
	await open(page, `/?load=permalink:${id}`);
	await expect(firstText(page)).toHaveValue('From the shared link');
	await expect(page).toHaveURL(/\/$/);
	await firstText(page).fill('Edited after loading');
	await expect
		.poll(() => page.evaluate(() => localStorage.getItem('playground:drafts:v2') ?? ''))
		.toContain('Edited after loading');
	await page.reload();
	await page.locator('html[data-hydrated="true"]').waitFor();
	await expect(firstText(page)).toHaveValue('Edited after loading');
});

test('New conversation clears the messages and keeps the system prompt when asked to', async ({
	page
}) => {
	const body = {
		model: 'claude-3-5-haiku-20241022',
		max_tokens: 100,
		system: 'Be brief',
		messages: [
			{ role: 'user', content: 'First question' },
			{ role: 'assistant', content: 'First answer' },
			{ role: 'user', content: 'Second question' }
		]
	};
	await page.addInitScript(
		(json) => {
			const snapshot = { json, betas: [], fault: '' };
			localStorage.setItem(
				'playground:drafts:v2',
				JSON.stringify({ tabs: [{ id: 't1', snapshot }], activeId: 't1' })
			);
		},
		JSON.stringify(body, null, 2)
	);
	await open(page, '/');
	await expect(page.getByLabel('Text of message 3 block 1')).toHaveValue('Second question');

	await page.getByRole('button', { name: 'New conversation' }).click();
	await expect(firstText(page)).toHaveValue('');
	await expect(page.getByLabel('Text of message 2 block 1')).toHaveCount(0);
	await expect(page.getByRole('textbox', { name: 'System prompt' })).toHaveValue('Be brief');

	await page.getByLabel('Keep system prompt and tools').uncheck();
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(page.getByLabel('Text of message 3 block 1')).toHaveValue('Second question');
	await page.getByRole('button', { name: 'New conversation' }).click();
	await expect(page.getByRole('textbox', { name: 'System prompt' })).toHaveValue('');
});

test('several drafts live side by side as tabs and survive a reload', async ({ page }) => {
	await open(page, '/');
	await firstText(page).fill('First tab text');
	await page.getByRole('button', { name: 'New draft tab' }).click();
	await expect(firstText(page)).toHaveValue('');
	await firstText(page).fill('Second tab text');
	await page.getByRole('tab', { name: 'First tab text' }).click();
	await expect(firstText(page)).toHaveValue('First tab text');
	await expect
		.poll(() => page.evaluate(() => localStorage.getItem('playground:drafts:v2') ?? ''))
		.toContain('Second tab text');
	await page.reload();
	await page.locator('html[data-hydrated="true"]').waitFor();
	await page.getByRole('tab', { name: 'Second tab text' }).click();
	await expect(firstText(page)).toHaveValue('Second tab text');
});

test('a permalink page renders markdown lists as the playground does', async ({ page }) => {
	const message = {
		id: 'msg_01',
		type: 'message',
		role: 'assistant',
		model: 'claude-3-5-haiku-20241022',
		content: [{ type: 'text', text: 'Two fruits:\n\n- apple\n- **pear**\n' }],
		stop_reason: 'end_turn',
		stop_sequence: null,
		usage: { input_tokens: 5, output_tokens: 9 }
	};
	const res = await page.request.post('/api/permalinks', {
		data: { request: SHARED, result: { message } }
	});
	expect(res.status()).toBeLessThan(300);
	await open(page, `/p/${(await res.json()).id}`);
	const answer = page.getByTestId('shared-result');
	await expect(answer.locator('li')).toHaveText(['apple', 'pear']);
	await expect(answer.locator('strong')).toHaveText('pear');
	await expect(answer).not.toContainText('- apple');
});

test('an example tool set loaded over other tools offers Undo, which brings them back', async ({
	page
}) => {
	await open(page, '/');
	await page.getByRole('button', { name: 'Calculator' }).click();
	const firstTool = page.getByLabel('Name of tool 1');
	const calculatorTool = await firstTool.inputValue();
	// Into an empty tools list there is nothing to lose, so no Undo.
	await expect(page.getByTestId('undo-bar')).toHaveCount(0);
	await page.getByRole('button', { name: 'Weather lookup' }).click();
	await expect(firstTool).toHaveValue('get_weather');
	await expect(page.getByTestId('undo-bar')).toContainText(
		'The Weather lookup example replaced your draft.'
	);
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(firstTool).toHaveValue(calculatorTool);
	await expect(page.getByTestId('undo-bar')).toHaveCount(0);
});
