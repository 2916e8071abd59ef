import type { Page } from '@playwright/test';
import { launchChromium } from '../lib/browser';
import { NAIVE_STREAM_PAGE } from '../lib/naive-pages';
import type { DeltaStream } from '../lib/delta-stream';
import { longTasksSince, pageNow } from '../lib/longtasks';
import { observedPage, openPlayground, sendAndWaitDone } from '../lib/playground-page';
import { row, type BenchRow } from '../lib/stats';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Opens a naive stream page and runs it: its time from the call, long tasks and the text shown. */
async function runNaive(page: Page, url: string, args: [string, RequestInit] | [] = []) {
	await page.goto(url);
	const n0 = await pageNow(page);
	const text = await page.evaluate(
		(a) =>
			(window as unknown as { runStream: (...a: unknown[]) => Promise<string> }).runStream(...a),
		args
	);
	const ms = (await pageNow(page)) - n0;
	return { ms, text, tasks: await longTasksSince(page, n0) };
}

/**
 * The playground rendering a stream of many thinking and text deltas that arrives all at once (app in
 * real-key mode pointed at the stand-in), against a naive page that appends every delta to
 * the DOM as it is parsed, sending the same request through the same gateway. Long tasks come from
 * the Long Tasks API (only tasks > 50 ms exist there).
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
		// The playground's own request, so the naive page can send the very same one.
		const sent = page.waitForRequest((r) => r.url().endsWith('/api/v1/messages'));
		const t0 = await pageNow(page);
		const { sentAt, doneAt } = await sendAndWaitDone(page);
		const appRequest = (await sent).postData() ?? '';
		const app = await longTasksSince(page, t0);
		// Markdown turns the paragraph breaks into elements: compare with whitespace squashed.
		const shown = await page.getByTestId('response-text').locator('.md').textContent();
		const shownThinking = await page.getByTestId('thinking').textContent();
		const isCorrect =
			squash(shown ?? '') === squash(o.stream.text) &&
			squash(shownThinking ?? '').includes(squash(o.stream.thinking));

		// The naive page twice: reading the stand-in directly, and (like for like with the app)
		// sending the playground's request through the same gateway, served at the app's origin.
		const direct = await runNaive(await observedPage(browser), o.standInUrl + '/naive/stream');
		const naivePage = await observedPage(browser);
		await naivePage.route(o.appUrl + '/naive/stream', (route) =>
			route.fulfill({ contentType: 'text/html', body: NAIVE_STREAM_PAGE })
		);
		const naive = await runNaive(naivePage, o.appUrl + '/naive/stream', [
			'/api/v1/messages',
			{ method: 'POST', headers: { 'content-type': 'application/json' }, body: appRequest }
		]);
		const expected = o.stream.thinking + o.stream.text;
		const isNaiveCorrect = naive.text === expected && direct.text === expected;
		const naiveMs = naive.ms;

		const section = 'stream-render';
		const what = `${deltas.toLocaleString('en')} deltas (thinking + text)`;
		return [
			row({
				section,
				name: `longest main-thread task, ${what}`,
				value: app.longestMs,
				unit: 'ms',
				baseline: naive.tasks.longestMs,
				target: '< 50 ms',
				pass: app.longestMs < 50,
				note: '0 = no task over 50 ms; baseline: naive append-per-delta page'
			}),
			row({
				section,
				name: `tasks over 50 ms, ${what}`,
				value: app.over50,
				unit: 'tasks',
				baseline: naive.tasks.over50,
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
				note:
					'from the click on Send; baseline: naive append-per-delta page, from its call, ' +
					'sending the same request through the same gateway'
			}),
			row({
				section,
				name: `naive page reading the stand-in directly, ${what}`,
				value: direct.ms,
				unit: 'ms',
				target: 'none set',
				note: 'the baseline without the gateway: what relaying the stream costs on this machine'
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
