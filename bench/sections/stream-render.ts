import { launchChromium } from '../lib/browser';
import type { DeltaStream } from '../lib/delta-stream';
import { longTasksSince, pageNow } from '../lib/longtasks';
import { observedPage, openPlayground, sendAndWaitDone } from '../lib/playground-page';
import { row, type BenchRow } from '../lib/stats';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The playground rendering a stream of many thinking and text deltas that arrives all at once (app in
 * real-key mode pointed at the stand-in), against a naive page that appends every delta to
 * the DOM as it is parsed. Long tasks come from the Long Tasks API (only tasks > 50 ms exist there).
 */
export async function streamRender(o: {
	appUrl: string;
	standInUrl: string;
	stream: DeltaStream;
}): Promise<BenchRow[]> {
	const deltas = o.stream.events.filter(
		(e) => e.event === 'content_block_delta' && !e.data.includes('signature_delta')
	).length;
	const browser = await launchChromium();
	try {
		const page = await observedPage(browser);
		await openPlayground(page, o.appUrl);
		const t0 = await pageNow(page);
		const { sentAt, doneAt } = await sendAndWaitDone(page);
		const app = await longTasksSince(page, t0);
		// Markdown turns the paragraph breaks into elements: compare with whitespace squashed.
		const shown = await page.getByTestId('response-text').locator('.md').textContent();
		const shownThinking = await page.getByTestId('thinking').textContent();
		const isCorrect =
			squash(shown ?? '') === squash(o.stream.text) &&
			squash(shownThinking ?? '').includes(squash(o.stream.thinking));

		const naivePage = await observedPage(browser);
		await naivePage.goto(o.standInUrl + '/naive/stream');
		const n0 = await pageNow(naivePage);
		const naiveText = await naivePage.evaluate(() =>
			(window as unknown as { runStream: () => Promise<string> }).runStream()
		);
		const naiveMs = (await pageNow(naivePage)) - n0;
		const naive = await longTasksSince(naivePage, n0);
		const isNaiveCorrect = naiveText === o.stream.thinking + o.stream.text;

		const section = 'stream-render';
		const what = `${deltas.toLocaleString('en')} deltas (thinking + text)`;
		return [
			row({
				section,
				name: `longest main-thread task, ${what}`,
				value: app.longestMs,
				unit: 'ms',
				baseline: naive.longestMs,
				target: '< 50 ms',
				pass: app.longestMs < 50,
				note: '0 = no task over 50 ms; baseline: naive append-per-delta page'
			}),
			row({
				section,
				name: `tasks over 50 ms, ${what}`,
				value: app.over50,
				unit: 'tasks',
				baseline: naive.over50,
				target: '0',
				pass: app.over50 === 0
			}),
			row({
				section,
				name: `time to final text, ${what}`,
				value: doneAt - sentAt,
				unit: 'ms',
				baseline: naiveMs,
				target: '<= baseline',
				pass: doneAt - sentAt <= naiveMs,
				note: 'from the click on Send; baseline: naive append-per-delta page, from its call'
			}),
			row({
				section,
				name: 'final thinking and text correct (app, naive)',
				value: isCorrect ? 1 : 0,
				unit: '',
				baseline: isNaiveCorrect ? 1 : 0,
				target: '= 1',
				pass: isCorrect,
				note: `${o.stream.thinking.length + o.stream.text.length} chars`
			})
		];
	} finally {
		await browser.close();
	}
}
