// Refreshes docs/screenshot-{light,dark}.png: the playground mid-stream against the simulator.
// Run with the app built and started (`npm run build && npm start`), then `npx vite-node scripts/screenshots.ts`.
import { launchChromium } from '../bench/lib/browser';

const url = process.env.PLAYGROUND_URL ?? 'http://127.0.0.1:3000';
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
await page.goto(url + '/');
await page.locator('html[data-hydrated="true"]').waitFor();
await page
	.getByPlaceholder('Write a message…')
	.first()
	.fill('Hello! Explain how streaming works, with a list and some code.');
await page.getByRole('button', { name: 'Send', exact: true }).click();
await page.getByTestId('count-content_block_delta').waitFor();
await page.waitForFunction(
	() =>
		Number(document.querySelector('[data-testid="count-content_block_delta"]')?.textContent) >= 25
);
await page.screenshot({ path: 'docs/screenshot-light.png' });
await page.getByRole('button', { name: 'Switch to dark theme' }).click();
await page.screenshot({ path: 'docs/screenshot-dark.png' });
await browser.close();
