import { launchChromium } from '../lib/browser';
import type { DeltaStream } from '../lib/delta-stream';
import { longTasksSince, pageNow } from '../lib/longtasks';
import {
	observedPage,
	openPlayground,
	scrollLogThrough,
	sendAndWaitDone
} from '../lib/playground-page';
import { row, type BenchRow } from '../lib/stats';

/** Rows of the non-virtual baseline: 100,000 plain rows take about a minute to build here. */
const NAIVE_ROWS = 20_000;

/**
 * The event log holding every event of the synthetic stream, scrolled top to bottom in steps,
 * against a plain list rendering one DOM row per event (no virtualization, at most NAIVE_ROWS
 * rows) built and scrolled the same way.
 */
export async function eventLogScroll(o: {
	appUrl: string;
	standInUrl: string;
	stream: DeltaStream;
	steps: number;
}): Promise<BenchRow[]> {
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
		const naiveRows = Math.min(total, NAIVE_ROWS);
		await naivePage.evaluate(
			(n) => (window as unknown as { renderAll: (limit: number) => Promise<number> }).renderAll(n),
			naiveRows
		);
		const naiveRender = await longTasksSince(naivePage, n0);
		const s0 = await pageNow(naivePage);
		await scrollLogThrough(naivePage, o.steps);
		const naiveScroll = await longTasksSince(naivePage, s0);

		const section = 'event-log';
		const what = `${total.toLocaleString('en')} events`;
		return [
			row({
				section,
				name: `longest task scrolling ${what}`,
				value: app.longestMs,
				unit: 'ms',
				baseline: naiveScroll.longestMs,
				target: '< 50 ms',
				pass: app.longestMs < 50,
				note: `${o.steps} steps; baseline: ${naiveRows.toLocaleString('en')} rows all in the DOM`
			}),
			row({
				section,
				name: `tasks over 50 ms scrolling ${what}`,
				value: app.over50,
				unit: 'tasks',
				baseline: naiveScroll.over50,
				target: '0',
				pass: app.over50 === 0
			}),
			row({
				section,
				name: `longest task building ${naiveRows.toLocaleString('en')} plain rows (baseline only)`,
				value: naiveRender.longestMs,
				unit: 'ms',
				target: 'none set'
			}),
			row({
				section,
				name: 'scrolled to the last event',
				value: appLast.includes(lastSeq) ? 1 : 0,
				unit: '',
				target: '= 1',
				pass: appLast.includes(lastSeq)
			})
		];
	} finally {
		await browser.close();
	}
}
