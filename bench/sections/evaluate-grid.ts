import { startApp } from '../../tests/support/servers';
import { launchChromium } from '../lib/browser';
import { LONGTASK_OBSERVER, longTasksSince, pageNow } from '../lib/longtasks';
import { row, type BenchRow } from '../lib/stats';

/**
 * Issue 19's budget: an evaluate grid of `cases` × 2 versions run live on the simulator stays
 * responsive while results stream into its cells (no main-thread task over 50 ms).
 */
export async function evaluateGrid(o: { cases: number }): Promise<BenchRow[]> {
	const app = await startApp({ SIMULATOR_TOKENS_PER_SECOND: '400', LOG_LEVEL: 'warn' });
	const browser = await launchChromium();
	try {
		const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
		await page.addInitScript(LONGTASK_OBSERVER);
		await page.goto(`${app.url}/evaluate`);
		await page.locator('html[data-hydrated="true"]').waitFor();
		while ((await page.getByRole('button', { name: /^Remove case/ }).count()) > 0)
			await page.getByRole('button', { name: 'Remove case 1' }).click();
		const rows = ['city', ...Array.from({ length: o.cases }, (_, i) => `City number ${i + 1}`)];
		await page.getByText('Import or generate cases').click();
		await page.getByLabel('Paste from a spreadsheet (with its header row)').fill(rows.join('\n'));
		await page.getByRole('button', { name: 'Add pasted rows' }).click();
		await page.getByRole('button', { name: '+ Version' }).click();
		const cells = o.cases * 2;

		// Found before the clock starts: Playwright's role query walks the whole 200-row grid in the
		// page's main thread, a long task of its own that is not the app's.
		const runAll = await page.getByRole('button', { name: 'Run all' }).elementHandle();
		const t0 = await pageNow(page);
		const started = performance.now();
		await runAll!.click();
		await page.waitForFunction(
			(n) => document.querySelectorAll('[data-status="done"]').length >= n,
			cells,
			{ timeout: 600_000, polling: 500 }
		);
		const total = performance.now() - started;
		const tasks = await longTasksSince(page, t0);
		const section = 'evaluate-grid';
		const label = `${o.cases} cases × 2 versions`;
		return [
			row({
				section,
				name: `longest main-thread task while ${cells} cells stream (${label})`,
				value: tasks.longestMs,
				unit: 'ms',
				target: '< 50 ms',
				pass: tasks.longestMs < 50
			}),
			row({
				section,
				name: `tasks over 50 ms while ${cells} cells stream`,
				value: tasks.over50,
				unit: 'tasks',
				target: '0',
				pass: tasks.over50 === 0
			}),
			row({ section, name: `time until all ${cells} cells are done`, value: total, unit: 'ms' })
		];
	} finally {
		await browser.close();
		await app.stop();
	}
}
