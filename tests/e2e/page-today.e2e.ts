// Today's API on the page, end to end against the simulator: one test per item of issue 14's
// "Done when", each leaving light and dark screenshots of what it checked (docs/ with DOCS_SHOTS=1).
import { expect, test, type Locator, type Page } from '@playwright/test';
import { makePdf } from '../support/pdf';
import { open } from './support';

// Tall enough that the panels photographed fit on screen (off-screen parts of a scrolled pane come out blank).
test.use({ viewport: { width: 1440, height: 2000 } });

type Body = Record<string, unknown> & { messages: { role: string; content: unknown }[] };

function recordRequests(page: Page): { body: Body; version: string | null }[] {
	const sent: { body: Body; version: string | null }[] = [];
	page.on('request', (r) => {
		if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/messages') {
			sent.push({ body: r.postDataJSON(), version: r.headers()['anthropic-version'] ?? null });
		}
	});
	return sent;
}

const status = (page: Page) => page.getByTestId('run-status');
const answer = (page: Page) => page.getByTestId('response-text');
const send = (page: Page) => page.getByRole('button', { name: 'Send', exact: true }).click();
const prompt = (page: Page, text: string) =>
	page.getByLabel('Text of message 1 block 1').fill(text);
const done = (page: Page) => expect(status(page)).toHaveText('done', { timeout: 20_000 });

/** Screenshots go to docs/ only when asked (DOCS_SHOTS=1), so a test run leaves the tree clean. */
const SHOTS_DIR = process.env.DOCS_SHOTS === '1' ? 'docs' : 'test-results/shots';

/** The element in both themes, as <SHOTS_DIR>/page-<name>-light.png and -dark.png. */
async function shoot(page: Page, name: string, target: Locator) {
	await target.scrollIntoViewIfNeeded();
	for (const theme of ['light', 'dark'] as const) {
		await page.evaluate(
			(t) => document.documentElement.classList.toggle('dark', t === 'dark'),
			theme
		);
		await target.screenshot({
			path: `${SHOTS_DIR}/page-${name}-${theme}.png`,
			animations: 'disabled'
		});
	}
	await page.evaluate(() => document.documentElement.classList.remove('dark'));
}

test('the default model is current, and a request naming a retired one is warned about', async ({
	page
}) => {
	await open(page, '/');
	const model = page.getByRole('combobox', { name: 'Model', exact: true });
	await expect(model).toHaveValue(/^claude-sonnet-/);
	const offered = await model.locator('option').allTextContents();
	expect(offered.some((o) => o.includes('claude-3-5-haiku-20241022'))).toBe(false);
	await expect(page.getByTestId('model-facts')).toContainText('context');

	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('textbox', { name: /paste/i }).fill(
		JSON.stringify({
			model: 'claude-3-5-haiku-20241022',
			max_tokens: 100,
			messages: [{ role: 'user', content: 'Hi' }]
		})
	);
	await page.getByRole('dialog').getByRole('button', { name: 'Import' }).click();
	const warning = page.getByTestId('model-warning');
	await expect(warning).toContainText('claude-3-5-haiku-20241022 is retired');
	await shoot(
		page,
		'retired-model',
		page.getByRole('tabpanel', { name: 'Form' }).locator('div').first()
	);
	await warning.getByRole('button', { name: /^Switch to claude-sonnet-/ }).click();
	await expect(warning).toHaveCount(0);
	await expect(model).toHaveValue(/^claude-sonnet-/);
});

test('switching version hides and shows temperature; a 2023-06-01 request with temperature succeeds', async ({
	page
}) => {
	const sent = recordRequests(page);
	await open(page, '/');
	const version = page.getByRole('combobox', { name: 'API version' });
	await expect(version).toHaveValue('2026-10-21');
	await expect(page.getByLabel('temperature')).toHaveCount(0);
	await version.selectOption('2023-06-01');
	await page.getByLabel('temperature').fill('0.3');
	await prompt(page, 'Name a colour');
	await send(page);
	await done(page);
	expect(sent.at(-1)).toMatchObject({ version: '2023-06-01', body: { temperature: 0.3 } });
	await shoot(page, 'api-version', page.getByRole('region', { name: 'Request' }));
	await version.selectOption('2026-10-21');
	await expect(page.getByLabel('temperature')).toHaveCount(0);
	await expect(page.getByRole('tab', { name: 'JSON' })).not.toContainText('●');
});

test('thinking is shown in its own section before the answer, with thinking tokens in usage', async ({
	page
}) => {
	await open(page, '/');
	await page.getByRole('combobox', { name: 'Thinking', exact: true }).selectOption('enabled');
	await page.getByLabel('max_tokens').fill('4096');
	await page.getByLabel('Thinking budget').fill('2048');
	await page.getByRole('combobox', { name: 'Effort' }).selectOption('high');
	await prompt(page, 'Why is the sky blue?');
	await send(page);
	await done(page);
	const thinking = answer(page).getByTestId('thinking');
	await expect(thinking.getByText('Thinking', { exact: true })).toBeVisible();
	const order = await answer(page).evaluate((el) =>
		[...el.querySelectorAll('[data-testid="thinking"], .md')].map((n) =>
			n.matches('[data-testid="thinking"]') ? 'thinking' : 'text'
		)
	);
	expect(order[0]).toBe('thinking');
	expect(order).toContain('text');
	await expect(page.getByTestId('usage-thinking')).not.toHaveText('0');
	await shoot(page, 'thinking', page.getByRole('region', { name: 'Response' }));
});

test('a schema-constrained answer is shown as JSON valid against the schema', async ({ page }) => {
	const sent = recordRequests(page);
	await open(page, '/');
	await page.getByRole('combobox', { name: 'Output format example' }).selectOption('Contact card');
	await expect(page.getByRole('textbox', { name: 'Output format' })).toContainText('"email"');
	await send(page);
	await done(page);
	expect(sent.at(-1)?.body.output_config).toMatchObject({ format: { type: 'json_schema' } });
	const verdict = page.getByTestId('schema-verdict');
	await expect(verdict).toHaveAttribute('data-valid', 'true');
	await expect(verdict).toHaveText('✓ valid against the schema');
	const json = JSON.parse((await page.getByTestId('structured-json').textContent()) ?? '');
	expect(Object.keys(json)).toEqual(expect.arrayContaining(['name', 'email']));
	await shoot(page, 'structured-output', page.getByRole('region', { name: 'Response' }));
});

test('a PDF made here and a text document get citations; opening a marker shows the cited text', async ({
	page
}) => {
	await open(page, '/');
	await prompt(page, 'How tall is the mountain, and what colour is the grass?');
	await page.getByRole('button', { name: '+ Document' }).click();
	const pdf = await makePdf([
		'The river is long. It has many bridges.',
		'The mountain is tall. Snow covers the mountain.'
	]);
	await page.getByLabel('Upload file to message 1 block 2').setInputFiles({
		name: 'geography.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.from(pdf)
	});
	await expect(page.getByTestId('pdf-inline')).toBeVisible();
	await expect(page.getByLabel('Title of message 1 block 2')).toHaveValue('geography.pdf');
	await page.getByRole('button', { name: '+ Document' }).click();
	await page
		.getByLabel('Text of message 1 block 3', { exact: true })
		.fill('Grass is green. The sea is salty.');
	await page.getByLabel('Title of message 1 block 3', { exact: true }).fill('Facts');
	await send(page);
	await done(page);
	const markers = answer(page).getByRole('button', { name: /^Citation \d+$/ });
	await expect(markers.first()).toBeVisible();
	expect(await markers.count()).toBeGreaterThanOrEqual(2);
	await answer(page).getByRole('button', { name: 'Citation 1', exact: true }).click();
	const details = page.getByRole('complementary', { name: 'Citation 1 details' });
	await expect(details.getByTestId('cited-text-quote')).toContainText(/mountain|grass/i);
	await expect(details.getByTestId('citation-location')).toHaveText(
		/^(page \d+|characters \d+–\d+)$/
	);
	// Citation 1 is open; each other marker switches the details to its own citation.
	const locations: string[] = [(await page.getByTestId('citation-location').textContent()) ?? ''];
	for (let n = 2; n <= (await markers.count()); n++) {
		await answer(page)
			.getByRole('button', { name: `Citation ${n}`, exact: true })
			.click();
		locations.push((await page.getByTestId('citation-location').textContent()) ?? '');
	}
	expect(locations.some((l) => l.startsWith('page 2'))).toBe(true);
	expect(locations.some((l) => l.startsWith('characters'))).toBe(true);
	await shoot(page, 'citations', page.getByRole('region', { name: 'Response' }));
});

test('web search results show as cards in stream order', async ({ page }) => {
	await open(page, '/');
	await page.getByRole('checkbox', { name: 'Web search', exact: true }).check();
	await page.getByLabel('Web search max uses').fill('2');
	await page.getByLabel('Web search max uses').blur();
	await prompt(page, 'Search the web for the latest news about tide tables');
	await send(page);
	await done(page);
	const call = answer(page).getByTestId('server-tool-call').first();
	await expect(call).toContainText('web_search');
	const hits = answer(page).getByTestId('search-result');
	await expect(hits.first()).toBeVisible();
	await expect(hits.first()).toContainText('https://');
	const order = await answer(page).evaluate((el) =>
		[...el.querySelectorAll('[data-testid^="server-tool"]')].map((n) =>
			n.getAttribute('data-testid')
		)
	);
	expect(order.slice(0, 2)).toEqual(['server-tool-call', 'server-tool-result']);
	await expect(page.getByTestId('usage-web-search')).not.toHaveText('0');
	await shoot(page, 'web-search', page.getByRole('region', { name: 'Response' }));
});

// Waits on the simulator: it must answer memory_20250818 / text_editor_20250728 with tool calls.
test('the memory and text editor tools create and edit files on the in-browser file system', async ({
	page
}) => {
	await open(page, '/');
	const tools = page.getByRole('group', { name: 'Client tools' });
	await tools.getByRole('checkbox', { name: /^Memory/ }).check();
	await tools.getByRole('checkbox', { name: /^Text editor/ }).check();
	await prompt(page, 'Remember that I like green tea, and keep a notes file for me.');
	await send(page);
	await done(page);
	await page.getByRole('button', { name: 'Auto-run' }).click();
	await expect(status(page)).toHaveText('done', { timeout: 20_000 });
	const files = page.getByTestId('vfs-file');
	await expect(files.filter({ hasText: '/memories/' }).first()).toBeVisible({ timeout: 20_000 });
	await expect(files.filter({ hasNotText: '/memories/' }).first()).toBeVisible();
	await shoot(page, 'memory-editor', page.getByRole('region', { name: 'Tool run' }));
});

// Waits on the simulator: it must answer computer_toolset_20260801 with member tool calls.
test('a screenshot sent back for the computer toolset shows on the screen canvas behind the actions', async ({
	page
}) => {
	await open(page, '/');
	await page
		.getByRole('group', { name: 'Client tools' })
		.getByRole('checkbox', { name: /^Computer/ })
		.check();
	await prompt(page, 'Search for "tide tables" please');
	await send(page);
	await done(page);
	// A real 1024×768 screenshot of a small desktop, so the canvas (and docs/) show what a user sees.
	const desktop = await page.context().newPage();
	await desktop.setViewportSize({ width: 1024, height: 768 });
	await desktop.setContent(
		`<body style="margin:0;font:16px sans-serif;background:#1f4e79;color:#fff">
		<div style="background:#222;padding:6px 12px">Files · Browser · Terminal</div>
		<div style="margin:120px auto;width:520px;background:#fff;color:#222;padding:24px;border-radius:8px">
		<h1 style="margin:0 0 12px">Search</h1>
		<div style="border:1px solid #888;padding:8px">tide tables</div></div></body>`
	);
	const png = await desktop.screenshot();
	await desktop.close();
	await page
		.getByLabel(/^Image result for /)
		.first()
		.setInputFiles({ name: 'shot.png', mimeType: 'image/png', buffer: png });
	await page.getByRole('button', { name: 'Continue', exact: true }).click();
	await done(page);
	const canvas = page.getByTestId('screen-canvas');
	await expect(canvas).toHaveAttribute('data-screenshot', '1024x768');
	await shoot(page, 'computer-screen', page.getByRole('region', { name: 'Computer screen' }));
});
