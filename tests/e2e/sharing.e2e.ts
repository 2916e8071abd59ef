import { expect, test, type Page } from '@playwright/test';
import { open } from './support';

const REQUEST = {
	model: 'claude-haiku-4-5-20251001',
	max_tokens: 200,
	messages: [{ role: 'user', content: 'Hello from the sharing test' }]
};

/** A real finished run from the simulator, shared through the API as the Share button would. */
async function shareFinishedRun(page: Page): Promise<{ id: string; text: string }> {
	const run = await page.request.post('/api/v1/messages', { data: REQUEST });
	expect(run.ok()).toBe(true);
	const message = await run.json();
	const text: string = message.content[0].text;
	const events = [{ event: 'message_stop', data: '{"type":"message_stop"}', at: 42 }];
	const res = await page.request.post('/api/permalinks', {
		data: { request: REQUEST, result: { message, events } }
	});
	expect(res.status()).toBeLessThan(300);
	return { id: (await res.json()).id, text };
}

test('opens a shared run read-only in a fresh browser and forks it into the editor', async ({
	page,
	browser
}) => {
	const { id, text } = await shareFinishedRun(page);
	const fresh = await browser.newContext();
	const other = await fresh.newPage();
	await open(other, `/p/${id}`);
	await expect(other.getByTestId('shared-request')).toContainText(
		'"content": "Hello from the sharing test"'
	);
	await expect(other.getByTestId('shared-result').getByTestId('response-text')).toHaveText(text);
	await expect(other.getByTestId('shared-usage')).toContainText('end_turn');
	await other.getByText(/Event log \(1 events\)/).click();
	await expect(other.getByTestId('shared-events')).toContainText('message_stop');

	await other.getByRole('link', { name: 'Open in playground' }).click();
	await other.waitForURL(`**/?load=permalink:${id}`);
	// What the editor's loader fetches for this link is the shared request.
	const loaded = await other.evaluate(
		async (pid) => (await (await fetch(`/api/permalinks/${pid}`)).json()).request,
		id
	);
	expect(loaded).toEqual(REQUEST);
	await fresh.close();
});

test('shows a clear page for an unknown link', async ({ page }) => {
	await open(page, '/p/ZZZZZZZZZZ');
	await expect(page.getByTestId('permalink-error')).toContainText(
		'There is no shared request with id "ZZZZZZZZZZ"'
	);
});

test('get-code dialog shows the request in all four languages', async ({ page }) => {
	const { id } = await shareFinishedRun(page);
	await open(page, `/p/${id}`);
	await page.getByRole('button', { name: 'Get code' }).click();
	const code = page.getByTestId('generated-code');
	const expected: [string, string][] = [
		['curl', 'curl https://api.anthropic.com/v1/messages'],
		['TypeScript', "import Anthropic from '@anthropic-ai/sdk';"],
		['Python', 'client = anthropic.Anthropic()'],
		['Go', 'client.Messages.New(context.TODO(), params)']
	];
	for (const [tab, marker] of expected) {
		await page.getByRole('tab', { name: tab }).click();
		await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
		await expect(code).toContainText(marker);
		await expect(code).toContainText('Hello from the sharing test');
	}
	await expect(code).not.toContainText('sk-ant');
});

test('compare runs two streams side by side, then shares one and keeps both in history', async ({
	page,
	browser
}) => {
	const log: string[] = [];
	const isRun = (url: string) => url.endsWith('/api/v1/messages');
	page.on('request', (r) => void (isRun(r.url()) && log.push(`sent ${r.postDataJSON().model}`)));
	page.on(
		'requestfinished',
		(r) => void (isRun(r.url()) && log.push(`finished ${r.postDataJSON().model}`))
	);

	await open(page, '/compare');
	await page.getByLabel('Prompt', { exact: true }).fill('Hello, compare these');
	await page.getByLabel('Model B').selectOption('claude-sonnet-4-6');
	// One request on both API versions: temperature exists only under 2023-06-01.
	await expect(page.getByLabel('Temperature B')).toHaveCount(0);
	await page.getByLabel('API version B').selectOption('2023-06-01');
	await page.getByLabel('Temperature B').fill('0.3');
	const versions: string[] = [];
	page.on(
		'request',
		(r) => void (isRun(r.url()) && versions.push(r.headers()['anthropic-version']))
	);
	await page.getByRole('button', { name: 'Run all' }).click();

	const sides = page.getByTestId('compare-side');
	for (const i of [0, 1]) {
		await expect(sides.nth(i).getByTestId('compare-status')).toHaveText('done');
		await expect(sides.nth(i).getByTestId('compare-text')).toContainText('Hello!');
		await expect(sides.nth(i).getByTestId('compare-metrics')).toContainText(/\d+ in · \d+ out/);
		await expect(sides.nth(i).getByTestId('compare-metrics')).toContainText('$');
	}
	// In parallel: both streams were sent before either had finished (an order, not a timing).
	await expect.poll(() => log.length).toBe(4);
	const modelA = await page.getByLabel('Model A').inputValue();
	expect(new Set(log.slice(0, 2))).toEqual(new Set([`sent ${modelA}`, 'sent claude-sonnet-4-6']));

	expect(versions.sort()).toEqual(['2023-06-01', '2026-10-21']);

	await sides.nth(1).getByRole('button', { name: 'Share' }).click();
	const link = await sides.nth(1).getByLabel('Share link').inputValue();
	const fresh = await browser.newContext();
	const other = await fresh.newPage();
	await open(other, new URL(link).pathname);
	await expect(other.getByTestId('shared-request')).toContainText('"temperature": 0.3');
	await expect(other.getByTestId('shared-result')).toContainText('Hello!');
	await fresh.close();

	await open(page, '/history');
	await page.reload();
	await page.locator('html[data-hydrated="true"]').waitFor();
	await expect(page.getByTestId('history-entry')).toHaveCount(2);
	await expect(page.getByTestId('history-count')).toHaveText('2 of 2 runs');
	await page.getByLabel('Search history').fill('sonnet-4-6');
	await expect(page.getByTestId('history-entry')).toHaveCount(1);
	await expect(
		page.getByTestId('history-entry').getByRole('link', { name: 'Open' })
	).toHaveAttribute('href', /^\/\?load=history:[0-9a-f-]{36}$/);
	await page.getByLabel('Search history').fill('');

	await page.getByTestId('history-entry').nth(1).getByRole('button', { name: 'Pin' }).click();
	await expect(page.getByTestId('history-entry').first()).toContainText('pinned');
	await page.getByTestId('history-entry').nth(1).getByRole('button', { name: 'Delete' }).click();
	await expect(page.getByTestId('history-entry')).toHaveCount(1);
	await page.reload();
	await expect(page.getByTestId('history-entry')).toHaveCount(1);
	await expect(page.getByTestId('history-entry')).toContainText('pinned');
	page.once('dialog', (d) => void d.accept());
	await page.getByRole('button', { name: 'Clear all' }).click();
	await expect(page.getByTestId('history-count')).toHaveText('0 of 0 runs');
});
