// Takes the docs/ screenshots: the playground with an answer, at 390 px and 1440 px, light and dark.
// Usage: start the app (npm run build && UPSTREAM=simulator PORT=4262 node scripts/start.js), then
//   node scripts/screenshots.mjs http://127.0.0.1:4262
import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://127.0.0.1:4173';
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu']
});
const shots = [];
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
	}
}
await browser.close();
console.log(shots.join('\n'));
