import { expect, test, type Page } from '@playwright/test';
import { open } from './support';

const CITIES = ['Paris', 'Kyoto', 'Lima'];

/** A fresh evaluation with `{{city}}` in the template and one case per city, typed in. */
async function setUp(page: Page) {
	await open(page, '/evaluate');
	await page.getByLabel('Prompt template').fill('What is the weather like in {{city}} in spring?');
	await expect(page.getByTestId('variables')).toHaveText('Variables: {{city}}');
	// The starter grid has cases already: clear them, then type three.
	while ((await page.getByRole('button', { name: /^Remove case/ }).count()) > 0)
		await page.getByRole('button', { name: 'Remove case 1' }).click();
	for (const [i, city] of CITIES.entries()) {
		await page.getByRole('button', { name: 'Add test case' }).click();
		await page.getByRole('textbox', { name: `city, case ${i + 1}` }).fill(city);
	}
}

/** Bodies the page posts to a path, as parsed JSON. */
function recordPosts(page: Page, path: string): unknown[] {
	const bodies: unknown[] = [];
	page.on('request', (r) => {
		if (r.method() === 'POST' && new URL(r.url()).pathname === path) bodies.push(r.postDataJSON());
	});
	return bodies;
}

const cell = (page: Page, version: string, n: number) =>
	page.getByRole('group', { name: `${version}, case ${n}` });

test('Run all sends one request per case with its value filled in, and fills each cell', async ({
	page
}) => {
	await setUp(page);
	const sent = recordPosts(page, '/api/v1/messages') as {
		messages: { content: string }[];
		stream: boolean;
	}[];
	await page.getByRole('button', { name: 'Run all' }).click();
	for (const [i, city] of CITIES.entries()) {
		await expect(cell(page, 'Version A', i + 1)).toHaveAttribute('data-status', 'done');
		await expect(cell(page, 'Version A', i + 1).getByTestId('cell-answer')).toContainText(city);
	}
	expect(sent.map((b) => b.messages[0].content).sort()).toEqual(
		CITIES.map((c) => `What is the weather like in ${c} in spring?`).sort()
	);
	expect(sent.every((b) => b.stream === true)).toBe(true);
	// Saved on its own, so the URL names it and a reload brings the results back.
	await expect(page).toHaveURL(/\?id=\w{10}$/);
	await page.reload();
	await expect(cell(page, 'Version A', 3).getByTestId('cell-answer')).toContainText('Lima');
});

test('Run as batch creates one batch of three and fills the cells when it ends', async ({
	page
}) => {
	await setUp(page);
	const batches = recordPosts(page, '/api/v1/messages/batches') as {
		requests: { custom_id: string; params: { messages: { content: string }[] } }[];
	}[];
	const live = recordPosts(page, '/api/v1/messages');
	await page.getByRole('button', { name: 'Run as batch' }).click();
	for (const [i, city] of CITIES.entries()) {
		await expect(cell(page, 'Version A', i + 1)).toHaveAttribute('data-status', 'done', {
			timeout: 20_000
		});
		await expect(cell(page, 'Version A', i + 1).getByTestId('cell-answer')).toContainText(city);
	}
	expect(batches).toHaveLength(1);
	expect(batches[0].requests.map((r) => r.params.messages[0].content)).toEqual(
		CITIES.map((c) => `What is the weather like in ${c} in spring?`)
	);
	expect(live).toHaveLength(0);
});

test('hand grades and model grades show in the totals, two versions side by side', async ({
	page
}) => {
	await setUp(page);
	await page.getByRole('button', { name: '+ Version' }).click();
	await page.getByLabel('Model').selectOption('claude-haiku-4-5-20251001');
	await page.getByRole('button', { name: 'Run all' }).click();
	for (const version of ['Version A', 'Version B'])
		for (let n = 1; n <= 3; n++)
			await expect(cell(page, version, n)).toHaveAttribute('data-status', 'done');
	await expect(page.getByRole('columnheader', { name: 'Version B' })).toBeVisible();
	await expect(page.getByTestId('totals-Version B')).toContainText('claude-haiku-4-5-20251001');

	await page.getByRole('button', { name: 'Grade with model' }).click();
	await expect(cell(page, 'Version A', 3).getByText(/^Model grade [1-5]\/5/)).toBeVisible();
	// textContent, not innerText: rows below the fold skip rendering (content-visibility).
	const modelScore = Number(
		(await cell(page, 'Version A', 1)
			.getByText(/^Model grade/)
			.textContent())!.match(/(\d)\/5/)![1]
	);
	// The person overrides the model on case 1 of version A.
	const override = modelScore === 5 ? 1 : 5;
	await cell(page, 'Version A', 1).getByLabel('Grade, case 1').selectOption(String(override));
	await expect(cell(page, 'Version A', 1).getByText(/\(overridden\)/)).toBeVisible();
	const scores: number[] = [override];
	for (const n of [2, 3])
		scores.push(
			Number(
				(await cell(page, 'Version A', n)
					.getByText(/^Model grade/)
					.textContent())!.match(/(\d)\/5/)![1]
			)
		);
	const mean = scores.reduce((a, b) => a + b, 0) / 3;
	await expect(page.getByTestId('totals-Version A').getByTestId('mean-grade')).toHaveText(
		mean.toFixed(2)
	);
	await expect(page.getByTestId('totals-Version A')).toContainText('3 of 3');
});

test('a shared evaluation reopens read-only in a fresh browser', async ({ page, browser }) => {
	await setUp(page);
	await page.getByLabel('Evaluation name').fill('Spring weather');
	await page.getByRole('button', { name: 'Run all' }).click();
	await expect(cell(page, 'Version A', 3)).toHaveAttribute('data-status', 'done');
	await page.getByRole('button', { name: 'Share' }).click();
	const link = await page.getByTestId('share-link').getAttribute('href');
	expect(link).toMatch(/\/evaluate\/shared\/\w{10}$/);

	const fresh = await browser.newContext();
	const other = await fresh.newPage();
	await open(other, new URL(link!).pathname);
	await expect(other.getByText('Read-only shared copy')).toBeVisible();
	await expect(other.getByLabel('Evaluation name')).toHaveValue('Spring weather');
	await expect(cell(other, 'Version A', 2).getByTestId('cell-answer')).toContainText('Kyoto');
	await expect(other.getByRole('button', { name: 'Run all' })).toHaveCount(0);
	await expect(other.getByRole('button', { name: 'Add test case' })).toHaveCount(0);
	await expect(other.getByRole('textbox', { name: 'city, case 1' })).toHaveAttribute(
		'readonly',
		''
	);
	await fresh.close();
});

test('a case without a value for a variable is named before anything is sent', async ({ page }) => {
	await setUp(page);
	await page.getByLabel('Prompt template').fill('Weather in {{city}} in {{month}}?');
	await page.getByRole('textbox', { name: 'month, case 1' }).fill('May');
	const sent = recordPosts(page, '/api/v1/messages');
	await page.getByRole('button', { name: 'Run all' }).click();
	await expect(page.getByRole('alert')).toHaveText('Case 2 has no value for {{month}}');
	expect(sent).toHaveLength(0);
});

test('a batch run survives closing the page: reopening resumes from the batch id', async ({
	page,
	context
}) => {
	await setUp(page);
	// The first page never gets the results (as if closed before the batch ended).
	await page.route('**/api/v1/messages/batches/*/results', (route) => route.abort());
	await page.getByRole('button', { name: 'Run as batch' }).click();
	await expect(page).toHaveURL(/\?id=\w{10}$/);
	await expect(cell(page, 'Version A', 1)).toHaveAttribute('data-status', /running|error/);
	const url = page.url();
	await page.close();

	const reopened = await context.newPage();
	await open(reopened, new URL(url).pathname + new URL(url).search);
	for (const [i, city] of CITIES.entries()) {
		await expect(cell(reopened, 'Version A', i + 1)).toHaveAttribute('data-status', 'done', {
			timeout: 20_000
		});
		await expect(cell(reopened, 'Version A', i + 1).getByTestId('cell-answer')).toContainText(city);
	}
});

test('each version sends its own thinking and tools', async ({ page }) => {
	await setUp(page);
	const weatherTool = {
		name: 'get_weather',
		description: 'Current weather for a city',
		input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }
	};
	// Version A: its own tools as JSON, thinking with a budget.
	await page.getByLabel('Max tokens').fill('4096');
	await page.getByLabel('Tools', { exact: true }).selectOption('Edit as JSON');
	const toolsJson = page.getByLabel('Tools JSON (a list of tool definitions)');
	await toolsJson.fill('[{"name": ');
	await expect(page.getByRole('alert')).toContainText('Not JSON');
	await toolsJson.fill(JSON.stringify([weatherTool]));
	await expect(page.getByRole('alert')).toHaveCount(0);
	await page.getByLabel('Thinking', { exact: true }).selectOption('enabled');
	await page.getByLabel('Thinking budget').fill('2048');

	// Version B starts as a copy; on a model that only thinks adaptively, with no tools.
	await page.getByRole('button', { name: '+ Version' }).click();
	await page.getByLabel('Model').selectOption('claude-opus-5-5');
	const thinking = page.getByLabel('Thinking', { exact: true });
	await thinking.selectOption('adaptive');
	await expect(thinking.locator('option[value="enabled"]')).toHaveCount(0);
	await page.getByLabel('Tools', { exact: true }).selectOption('No tools');

	const sent = recordPosts(page, '/api/v1/messages') as Record<string, unknown>[];
	await page.getByRole('button', { name: 'Run all' }).click();
	for (const version of ['Version A', 'Version B'])
		for (let n = 1; n <= 3; n++)
			await expect(cell(page, version, n)).toHaveAttribute('data-status', 'done');
	const a = sent.filter((b) => b.model === 'claude-sonnet-5-5');
	const b = sent.filter((b) => b.model === 'claude-opus-5-5');
	expect([a.length, b.length]).toEqual([3, 3]);
	for (const body of a) {
		expect(body.tools).toEqual([weatherTool]);
		expect(body.thinking).toEqual({ type: 'enabled', budget_tokens: 2048 });
		expect(body.max_tokens).toBe(4096);
	}
	for (const body of b) {
		expect(body).not.toHaveProperty('tools');
		expect(body.thinking).toEqual({ type: 'adaptive' });
	}
});
