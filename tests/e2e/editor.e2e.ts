import { expect, test, type Page } from '@playwright/test';
import { deflateSync } from 'node:zlib';
import { open } from './support';

/** A valid 1x1 PNG built in memory (signature, IHDR, IDAT, IEND), so no fixture file is needed. */
function tinyPng(): Buffer {
	const crcTable = Array.from({ length: 256 }, (_, n) => {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		return c >>> 0;
	});
	const crc = (buf: Buffer) => {
		let c = 0xffffffff;
		for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
		return (c ^ 0xffffffff) >>> 0;
	};
	const chunk = (type: string, data: Buffer) => {
		const len = Buffer.alloc(4);
		len.writeUInt32BE(data.length);
		const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
		const sum = Buffer.alloc(4);
		sum.writeUInt32BE(crc(body));
		return Buffer.concat([len, body, sum]);
	};
	const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]); // 1x1, 8-bit RGB
	const idat = deflateSync(Buffer.from([0, 255, 0, 0])); // filter byte + one red pixel
	return Buffer.concat([
		Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
		chunk('IHDR', ihdr),
		chunk('IDAT', idat),
		chunk('IEND', Buffer.alloc(0))
	]);
}

const jsonTab = (page: Page) => page.getByRole('tab', { name: 'JSON', exact: true });
const formTab = (page: Page) => page.getByRole('tab', { name: 'Form', exact: true });
const editor = (page: Page) => page.getByRole('textbox', { name: 'Request JSON' });
const sendButton = (page: Page) => page.getByRole('button', { name: 'Send', exact: true });

/** The request body as the editor holds it (CodeMirror renders only visible lines, so read its state). */
async function editorBody(page: Page): Promise<Record<string, unknown>> {
	const text = await page.locator('.cm-content').evaluate((el) => {
		const view = (
			el as HTMLElement & { cmView?: { view: { state: { doc: { toString(): string } } } } }
		).cmView?.view;
		return view ? view.state.doc.toString() : (el.textContent ?? '');
	});
	return JSON.parse(text);
}

/** Replaces the whole editor text as a user would: select all, type. */
async function replaceJson(page: Page, text: string) {
	await editor(page).click();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.insertText(text);
}

test.beforeEach(async ({ page }) => {
	await open(page, '/');
});

test('updates the JSON when the request is built in the form', async ({ page }) => {
	await page.getByRole('textbox', { name: 'System prompt' }).fill('Be brief.');
	await page.getByLabel('Text of message 1 block 1').fill('Hi there');
	await page.getByRole('button', { name: '+ Add message' }).click();
	await page.getByLabel('Text of message 2 block 1').fill('Hello!');
	await page.getByLabel('max_tokens').fill('256');
	await page.getByLabel('metadata.user_id').fill('user-7');
	await page.getByRole('button', { name: 'Cache breakpoint: message 1 block 1' }).click();
	await expect(page.getByTestId('breakpoint-count')).toHaveText('⚑ 1/4');

	await jsonTab(page).click();
	await expect(editor(page)).toContainText('"user-7"');
	await expect
		.poll(() => editorBody(page))
		.toMatchObject({
			max_tokens: 256,
			system: 'Be brief.',
			metadata: { user_id: 'user-7' },
			messages: [
				{
					role: 'user',
					content: [{ type: 'text', text: 'Hi there', cache_control: { type: 'ephemeral' } }]
				},
				{ role: 'assistant', content: 'Hello!' }
			]
		});
});

test('updates the form when the JSON is edited, keeping unknown fields', async ({ page }) => {
	// temperature is offered only under the legacy API version.
	await page.getByLabel('API version').selectOption('2023-06-01');
	await jsonTab(page).click();
	await expect(editor(page)).toBeVisible();
	const body = {
		model: 'claude-sonnet-4-6',
		max_tokens: 99,
		temperature: 0.3,
		messages: [{ role: 'user', content: 'From JSON' }],
		custom_flag: { keep: true }
	};
	await replaceJson(page, JSON.stringify(body, null, 2));
	await formTab(page).click();
	await expect(page.getByLabel('Text of message 1 block 1')).toHaveValue('From JSON');
	await expect(page.getByLabel('max_tokens')).toHaveValue('99');
	await expect(page.getByLabel('temperature')).toHaveValue('0.3');

	// A form edit regenerates the JSON; the field the form does not know survives it.
	await page.getByLabel('max_tokens').fill('100');
	await jsonTab(page).click();
	await expect.poll(() => editorBody(page)).toEqual({ ...body, max_tokens: 100 });
});

test('shows an invalid edit inline and blocks Send with the reason', async ({ page }) => {
	await jsonTab(page).click();
	await replaceJson(
		page,
		JSON.stringify(
			{ model: 'm', max_tokens: -1, messages: [{ role: 'user', content: 'x' }] },
			null,
			2
		)
	);
	await expect(page.locator('.cm-lintRange-error')).toHaveText('"max_tokens"');
	await expect(sendButton(page)).toBeDisabled();
	await expect(page.getByTestId('send-blocked')).toContainText('max_tokens:');

	await replaceJson(page, '{"model": "m",');
	await expect(page.getByTestId('send-blocked')).toContainText('Invalid JSON');
	await expect(page.locator('.cm-lintRange-error')).toHaveCount(1);
	await expect(sendButton(page)).toBeDisabled();
});

test('sends an uploaded image as base64 with its media type', async ({ page }) => {
	const png = tinyPng();
	await page.getByLabel('Text of message 1 block 1').fill('What colour is this?');
	await page
		.getByLabel('Upload image to message 1')
		.setInputFiles({ name: 'dot.png', mimeType: 'image/png', buffer: png });
	await expect(page.getByRole('img', { name: 'Image in message 1 block 2' })).toBeVisible();
	const image = {
		type: 'image',
		source: { type: 'base64', media_type: 'image/png', data: png.toString('base64') }
	};
	await jsonTab(page).click();
	await expect
		.poll(async () => ((await editorBody(page)).messages as { content: unknown[] }[])[0].content[1])
		.toEqual(image);

	const sent = page.waitForRequest(
		(r) => r.url().endsWith('/api/v1/messages') && r.method() === 'POST'
	);
	await sendButton(page).click();
	expect((await sent).postDataJSON().messages[0].content[1]).toEqual(image);
	await expect(page.getByTestId('run-status')).toHaveText('done');
});

test('keeps the request across a reload', async ({ page }) => {
	await page.getByLabel('Text of message 1 block 1').fill('Remember me');
	const betas = page.getByLabel('anthropic-beta');
	await betas.getByLabel('files-api-2025-04-14').check();
	// A flag the toggles do not list can be typed in, and then shows as a toggle of its own.
	await betas.getByLabel('Other beta flag').fill('skills-2025-10-02');
	await betas.getByRole('button', { name: 'Add flag' }).click();
	await expect(betas.getByLabel('skills-2025-10-02')).toBeChecked();
	// The draft is saved shortly after the last edit; wait until every edit is in storage.
	const saved = () => page.evaluate(() => localStorage.getItem('playground:draft:v1') ?? '');
	await expect.poll(saved).toContain('Remember me');
	await expect.poll(saved).toContain('files-api-2025-04-14');
	await expect.poll(saved).toContain('skills-2025-10-02');
	await page.reload();
	await page.locator('html[data-hydrated="true"]').waitFor();
	await expect(page.getByLabel('Text of message 1 block 1')).toHaveValue('Remember me');
	await expect(page.getByLabel('files-api-2025-04-14')).toBeChecked();
	await expect(page.getByLabel('skills-2025-10-02')).toBeChecked();
});

test('counts tokens before sending and streams the reply on Ctrl+Enter', async ({ page }) => {
	await page.getByLabel('Text of message 1 block 1').fill('Hello');
	await expect(page.getByTestId('token-count')).toContainText(/\d+ input tokens/);
	await page.keyboard.press('ControlOrMeta+Enter');
	await expect(page.getByTestId('response-text')).toContainText('Hello!');
	await expect(page.getByTestId('run-status')).toHaveText('done');
});

test('refuses a fifth cache breakpoint with a message', async ({ page }) => {
	for (let i = 0; i < 4; i++) await page.getByRole('button', { name: '+ Text' }).click();
	for (let b = 1; b <= 4; b++)
		await page.getByRole('button', { name: `Cache breakpoint: message 1 block ${b}` }).click();
	await expect(page.getByTestId('breakpoint-count')).toHaveText('⚑ 4/4');
	await page.getByRole('button', { name: 'Cache breakpoint: message 1 block 5' }).click();
	await expect(page.getByRole('alert')).toContainText('At most 4 cache breakpoints');
	await expect(
		page.getByRole('button', { name: 'Cache breakpoint: message 1 block 5' })
	).toHaveAttribute('aria-pressed', 'false');
});

test('completes field names from the schema in the JSON editor', async ({ page }) => {
	await jsonTab(page).click();
	await replaceJson(page, '{"model": "m", "messages": [], ');
	await page.keyboard.type('"max_t');
	await expect(page.locator('.cm-tooltip-autocomplete')).toContainText('"max_tokens"');
	// Click the option: an Enter that lands while CodeMirror re-queries the list after the last
	// keystroke inserts a newline instead (seen as a flake on a loaded machine).
	await page.locator('.cm-tooltip-autocomplete li', { hasText: '"max_tokens"' }).click();
	await page.keyboard.type('5}');
	await expect.poll(() => editorBody(page)).toEqual({ model: 'm', messages: [], max_tokens: 5 });
	await expect(sendButton(page)).toBeEnabled();
});
