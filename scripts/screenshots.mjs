// Takes the docs/ screenshots at 390 px and 1440 px, light and dark: the playground with an answer,
// a 3-column compare that ran, the comparison's shared page, and a saved prompt's page.
// Usage: start the app (npm run build && UPSTREAM=simulator PORT=4262 node scripts/start.js), then
//   node scripts/screenshots.mjs http://127.0.0.1:4262
import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://127.0.0.1:4173';
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu']
});
const shots = [];

/**
 * The whole page in one image. The viewport is grown to the page's height first: answers use
 * content-visibility, so a plain full-page shot leaves what was off screen blank.
 */
async function shootWhole(page, path) {
	const { width, height } = page.viewportSize();
	const full = await page.evaluate(() => document.documentElement.scrollHeight);
	await page.setViewportSize({ width, height: Math.max(height, full) });
	await page.evaluate(
		() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
	);
	await page.screenshot({ path });
	await page.setViewportSize({ width, height });
}

/** Compare (3 columns, run), its shared permalink, and a saved prompt: one file each. */
async function shootCompare(theme, width, height) {
	const page = await browser.newPage({ viewport: { width, height } });
	await page.addInitScript((t) => localStorage.setItem('theme', t), theme);
	await page.goto(`${base}/compare`);
	await page.locator('html[data-hydrated="true"]').waitFor();
	await page.getByRole('button', { name: 'Add column' }).click();
	await page.getByLabel('Prompt', { exact: true }).fill('Name three uses of a lighthouse');
	await page.getByLabel('Thinking A').selectOption('adaptive');
	await page.getByLabel('Effort B').selectOption('low');
	await page.getByRole('button', { name: 'Run all' }).click();
	await page
		.getByRole('button', { name: 'Share comparison' })
		.and(page.locator(':enabled'))
		.waitFor();
	const files = [`docs/compare-${width}-${theme}.png`];
	await shootWhole(page, files[0]);
	await page.getByRole('button', { name: 'Share comparison' }).click();
	const link = await page.getByLabel('Share link').inputValue();
	await page.goto(link);
	await page.locator('html[data-hydrated="true"]').waitFor();
	files.push(`docs/comparison-${width}-${theme}.png`);
	await shootWhole(page, files[1]);
	const prompt = await page.request.post(`${base}/api/prompts`, {
		data: {
			name: 'Lighthouse uses',
			request: { model: 'claude-sonnet-5-5', max_tokens: 300, messages: [] }
		}
	});
	const { id } = await prompt.json();
	await page.request.patch(`${base}/api/prompts/${id}`, {
		data: { name: 'Lighthouse uses, short' }
	});
	await page.goto(`${base}/prompts/${id}`);
	await page.locator('html[data-hydrated="true"]').waitFor();
	await page.getByRole('button', { name: 'Delete…' }).click();
	files.push(`docs/prompt-${width}-${theme}.png`);
	await shootWhole(page, files[2]);
	await page.close();
	return files;
}
for (const theme of ['light', 'dark']) {
	for (const [width, height] of [
		[390, 844],
		[1440, 900]
	]) {
		const page = await browser.newPage({ viewport: { width, height } });
		await page.addInitScript((t) => localStorage.setItem('theme', t), theme);
		await page.goto(`${base}/`);
		await page.locator('html[data-hydrated="true"]').waitFor();
		await page
			.getByLabel('Text of message 1 block 1')
			.fill('List three uses of a lighthouse, with a short heading');
		await page.getByRole('button', { name: 'Send', exact: true }).click();
		await page.getByTestId('run-status').filter({ hasText: 'done' }).waitFor();
		await page.evaluate(() => window.scrollTo(0, 0));
		const file = `docs/screenshot-${width}-${theme}.png`;
		await page.screenshot({ path: file });
		shots.push(file);
		if (width === 390) {
			await page.getByRole('button', { name: 'Menu' }).click();
			await page.getByRole('tab', { name: 'Request' }).click();
			const menu = `docs/screenshot-${width}-${theme}-menu.png`;
			await page.screenshot({ path: menu });
			shots.push(menu);
		}
		await page.close();
		shots.push(...(await shootCompare(theme, width, height)));
	}
}
await browser.close();
console.log(shots.join('\n'));
