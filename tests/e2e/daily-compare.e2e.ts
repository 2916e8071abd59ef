import { expect, test, type Page } from '@playwright/test';
import { open } from './support';

/** The bodies the page POSTs to /api/v1/messages, with the anthropic-version each went with. */
function recordMessageRequests(page: Page) {
	const sent: { body: Record<string, unknown>; version: string | undefined }[] = [];
	page.on('request', (req) => {
		if (req.method() === 'POST' && new URL(req.url()).pathname === '/api/v1/messages')
			sent.push({ body: req.postDataJSON(), version: req.headers()['anthropic-version'] });
	});
	return sent;
}

const WEATHER_TOOL = {
	name: 'get_weather',
	description: 'Weather for a city',
	input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }
};

test('a 3-column compare streams all columns with Ctrl+Enter and survives a reload', async ({
	page
}) => {
	await open(page, '/compare');
	await expect(page.getByRole('button', { name: 'Stop' })).toBeDisabled();
	await page.getByRole('button', { name: 'Add column' }).click();
	const sides = page.getByTestId('compare-side');
	await expect(sides).toHaveCount(3);
	await page.getByLabel('Prompt', { exact: true }).fill('Hello, compare these three');
	await page.getByLabel('System prompt C').fill('Answer like a pirate');
	await page.getByLabel('Prompt', { exact: true }).press('Control+Enter');
	for (const i of [0, 1, 2]) {
		await expect(sides.nth(i).getByTestId('compare-status')).toHaveText('done');
		await expect(sides.nth(i).getByTestId('compare-text')).toContainText('Hello!');
	}
	await expect(page.getByRole('button', { name: 'Stop' })).toBeDisabled();
	const answers = await sides
		.getByTestId('compare-text')
		.getByTestId('response-text')
		.allInnerTexts();

	await page.reload();
	await page.locator('html[data-hydrated="true"]').waitFor();
	await expect(sides).toHaveCount(3);
	await expect(page.getByLabel('Prompt', { exact: true })).toHaveValue(
		'Hello, compare these three'
	);
	await expect(page.getByLabel('System prompt C')).toHaveValue('Answer like a pirate');
	expect(
		await sides.getByTestId('compare-text').getByTestId('response-text').allInnerTexts()
	).toEqual(answers);
});

test('each column sends its own thinking, effort and tools', async ({ page }) => {
	// The playground's draft has one tool: "Same as the playground" sends it.
	await page.addInitScript((tool) => {
		const json = JSON.stringify({
			model: 'claude-sonnet-5-5',
			max_tokens: 100,
			tools: [tool],
			messages: [{ role: 'user', content: '' }]
		});
		localStorage.setItem('playground:draft:v1', JSON.stringify({ json, betas: [], fault: '' }));
	}, WEATHER_TOOL);
	const sent = recordMessageRequests(page);
	await open(page, '/compare');
	await page.getByRole('button', { name: 'Add column' }).click();
	await page.getByLabel('Model A').selectOption('claude-sonnet-5-5');
	await page.getByLabel('Thinking A').selectOption('adaptive');
	await page.getByLabel('Tools A').selectOption('playground');
	await expect(page.getByLabel('Tools A')).toContainText('Same as the playground (1 tool)');
	await page.getByLabel('Model B').selectOption('claude-haiku-5-5');
	await page.getByLabel('Effort B').selectOption('low');
	await page.getByLabel('API version B').selectOption('2026-10-21');
	await page.getByLabel('Model C').selectOption('claude-opus-5');
	await page.getByLabel('Thinking C').selectOption('enabled');
	await page.getByLabel('Thinking budget C').fill('2048');
	await page.getByLabel('Tools C').selectOption('custom');
	await page.getByLabel('Own tools C').fill('[{"name": "lookup", "input_schema": ');
	await page.getByLabel('Prompt', { exact: true }).fill('Tell me about Paris');
	await page.getByLabel('Max tokens').fill('4096');
	await expect(page.getByRole('alert')).toContainText('Setting C: Tools are not valid JSON');
	await expect(page.getByRole('button', { name: 'Run all' })).toBeDisabled();
	await page
		.getByLabel('Own tools C')
		.fill('[{"name": "lookup", "input_schema": {"type": "object"}}]');
	await page.getByRole('button', { name: 'Run all' }).click();
	const sides = page.getByTestId('compare-side');
	for (const i of [0, 1, 2])
		await expect(sides.nth(i).getByTestId('compare-status')).not.toHaveText(/idle|streaming/);

	expect(sent).toHaveLength(3);
	const byModel = Object.fromEntries(sent.map((s) => [s.body.model as string, s]));
	expect(byModel['claude-sonnet-5-5'].body).toMatchObject({
		thinking: { type: 'adaptive' },
		tools: [WEATHER_TOOL],
		messages: [{ role: 'user', content: 'Tell me about Paris' }]
	});
	expect(byModel['claude-sonnet-5-5'].body).not.toHaveProperty('output_config');
	expect(byModel['claude-haiku-5-5'].body).toMatchObject({ output_config: { effort: 'low' } });
	expect(byModel['claude-haiku-5-5'].body).not.toHaveProperty('tools');
	expect(byModel['claude-haiku-5-5'].body).not.toHaveProperty('thinking');
	expect(byModel['claude-haiku-5-5'].version).toBe('2026-10-21');
	expect(byModel['claude-opus-5'].body).toMatchObject({
		max_tokens: 4096,
		thinking: { type: 'enabled', budget_tokens: 2048 },
		tools: [{ name: 'lookup', input_schema: { type: 'object' } }]
	});
});

test('a 3-column comparison shares as a permalink that opens read-only in a fresh browser', async ({
	page,
	browser
}) => {
	await open(page, '/compare');
	await page.getByRole('button', { name: 'Add column' }).click();
	const share = page.getByRole('button', { name: 'Share comparison' });
	await expect(share).toBeDisabled();
	await page.getByLabel('Prompt', { exact: true }).fill('Explain prompt caching briefly');
	await page.getByLabel('Effort B').selectOption('max');
	await page.getByRole('button', { name: 'Run all' }).click();
	const sides = page.getByTestId('compare-side');
	for (const i of [0, 1, 2])
		await expect(sides.nth(i).getByTestId('compare-status')).toHaveText('done');
	const answers = await sides
		.getByTestId('compare-text')
		.getByTestId('response-text')
		.allInnerTexts();
	await share.click();
	const link = await page.getByLabel('Share link').inputValue();
	expect(link).toMatch(/\/p\/[0-9A-Za-z]{10}$/);

	const fresh = await browser.newContext();
	const reader = await fresh.newPage();
	await open(reader, new URL(link).pathname);
	await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Shared comparison');
	const columns = reader.getByTestId('shared-column');
	await expect(columns).toHaveCount(3);
	await expect(reader.getByText('Explain prompt caching briefly', { exact: true })).toBeVisible();
	await expect(columns.nth(1)).toContainText('effort max');
	for (const i of [0, 1, 2]) {
		const answer = columns.nth(i).getByTestId('response-text');
		await expect(answer).toHaveText(answers[i]);
		// Rendered as markdown (paragraphs), with the same answer component as everywhere else.
		expect(await answer.locator('p').count()).toBeGreaterThan(1);
	}
	// Each column keeps its raw event log, from message_start to message_stop.
	await columns
		.nth(2)
		.getByText(/^Event log \(\d+ events\)$/)
		.click();
	const log = columns.nth(2).getByTestId('shared-events');
	await expect(log.locator('li').first()).toContainText('message_start');
	await expect(log.locator('li').last()).toContainText('message_stop');
	// Read-only: nothing on the page edits or runs anything.
	await expect(reader.getByRole('button', { name: /Run all|Send/ })).toHaveCount(0);
	await expect(reader.getByRole('textbox')).toHaveCount(0);

	// Open in compare: the columns come back editable, with the answers they had; Undo puts back
	// what this browser had on its compare page.
	await reader.getByRole('link', { name: 'Open in compare' }).click();
	await expect(reader.getByRole('status')).toContainText('Opened shared comparison');
	await expect(reader).toHaveURL(/\/compare$/);
	const opened = reader.getByTestId('compare-side');
	await expect(opened).toHaveCount(3);
	await expect(reader.getByLabel('Prompt', { exact: true })).toHaveValue(
		'Explain prompt caching briefly'
	);
	await expect(reader.getByLabel('Effort B')).toHaveValue('max');
	for (const i of [0, 1, 2])
		await expect(opened.nth(i).getByTestId('response-text')).toHaveText(answers[i]);
	await reader.getByRole('button', { name: 'Undo' }).click();
	await expect(opened).toHaveCount(2);
	await expect(reader.getByLabel('Prompt', { exact: true })).toHaveValue('');
	await fresh.close();
});
