import { launchChromium } from '../lib/browser';
import type { DeltaStream } from '../lib/delta-stream';
import { longTasksSince, pageNow } from '../lib/longtasks';
import { observedPage, openPlayground, scrollLogThrough, sendAndWaitDone } from '../lib/playground-page';
import { row, type BenchRow } from '../lib/stats';

/**
 * The event log holding every event of the synthetic stream, scrolled top to bottom in steps,
 * against a plain list rendering one DOM row per event (no virtualization) built and scrolled
 * the same way.
 */
export async function eventLogScroll(o: { appUrl: string; standInUrl: string; stream: DeltaStream; steps: number }): Promise<BenchRow[]> {
	const total = o.stream.events.length;
	const lastSeq = `#${total - 1}`;
	const browser = await launchChromium();
	try {
		const page = await observedPage(browser);
		await openPlayground(page, o.appUrl);
		await sendAndWaitDone(page);
		const t0 = await pageNow(page);
		const appLast = await scrollLogThrough(page, o.steps);
		const app = await longTasksSince(page, t0);

		const naivePage = await observedPage(browser);
		await naivePage.goto(o.standInUrl + '/naive/log');
		const n0 = await pageNow(naivePage);
		await naivePage.evaluate(() => (window as unknown as { renderAll: () => Promise<number> }).renderAll());
		const naiveRender = await longTasksSince(naivePage, n0);
		const s0 = await pageNow(naivePage);
		await scrollLogThrough(naivePage, o.steps);
		const naiveScroll = await longTasksSince(naivePage, s0);

		const section = 'event-log';
		const what = `${total.toLocaleString('en')} events`;
		return [
			row({ section, name: `longest task scrolling ${what}`, value: app.longestMs, unit: 'ms', baseline: naiveScroll.longestMs, target: '< 50 ms', pass: app.longestMs < 50, note: `${o.steps} steps; baseline: all rows in the DOM` }),
			row({ section, name: `tasks over 50 ms scrolling ${what}`, value: app.over50, unit: 'tasks', baseline: naiveScroll.over50, target: '0', pass: app.over50 === 0 }),
			row({ section, name: `longest task showing ${what} (non-virtual baseline)`, value: naiveRender.longestMs, unit: 'ms', note: 'naive page only: building every row' }),
			row({ section, name: 'scrolled to the last event', value: appLast.includes(lastSeq) ? 1 : 0, unit: '', target: '= 1', pass: appLast.includes(lastSeq) })
		];
	} finally {
		await browser.close();
	}
}
