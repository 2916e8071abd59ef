// Refreshes docs/evaluate-*.png: a two-version evaluation run and graded on the simulator,
// at desktop and phone widths, light and dark.
// Run with the app built and started (`npm run build && npm start`), then
// `npx vite-node scripts/screenshots-evaluate.ts`.
import { launchChromium } from '../bench/lib/browser';

const url = process.env.PLAYGROUND_URL ?? 'http://127.0.0.1:3000';
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1440, height: 1200 } });
await page.goto(url + '/evaluate');
await page.locator('html[data-hydrated="true"]').waitFor();
await page.getByLabel('Evaluation name').fill('First things to see');
await page.getByRole('button', { name: '+ Version' }).click();
await page.getByLabel('Model').selectOption('claude-haiku-4-5-20251001');
// Version B also thinks, so the shot shows the per-version thinking controls.
await page.getByLabel('Max tokens').fill('4096');
await page.getByLabel('Thinking', { exact: true }).selectOption('enabled');
await page.getByRole('button', { name: 'Run all' }).click();
await page.locator('[data-status="done"]').nth(5).waitFor();
await page.getByRole('button', { name: 'Grade with model' }).click();
await page
	.getByText(/^Model grade/)
	.nth(5)
	.waitFor();
await page.getByLabel('Grade, case 1').first().selectOption('5');
await page.screenshot({ path: 'docs/evaluate-light.png' });
await page.getByRole('button', { name: 'Switch to dark theme' }).click();
await page.screenshot({ path: 'docs/evaluate-dark.png' });
await page.setViewportSize({ width: 390, height: 844 });
await page.screenshot({ path: 'docs/evaluate-phone-dark.png' });
await page.getByRole('button', { name: 'Switch to light theme' }).click();
await page.screenshot({ path: 'docs/evaluate-phone-light.png' });
await browser.close();
