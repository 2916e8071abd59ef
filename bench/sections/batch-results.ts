import type { Page } from '@playwright/test';
import { startApp } from '../../tests/support/servers';
import { launchChromium } from '../lib/browser';
import { FLOOR_PROXY, startChildServer, type ChildServer } from '../lib/child-server';
import { rssMb } from '../lib/proc';
import { BENCH_BATCH_ID, startResultsUpstream } from '../lib/results-upstream';
import { row, type BenchRow } from '../lib/stats';

const MB = 1024 * 1024;

/** Main-thread JS heap after a full GC (the results worker's heap is not included). */
async function heapMb(page: Page): Promise<number> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('HeapProfiler.collectGarbage');
	const { usedSize } = await cdp.send('Runtime.getHeapUsage');
	await cdp.detach();
	return usedSize / MB;
}

/** Runs an action in the page and waits for the next painted frame: the time a person waits. */
function timedInPage(page: Page, action: string): Promise<number> {
	return page.evaluate(async (code) => {
		const t0 = performance.now();
		new Function(code)();
		await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
		return performance.now() - t0;
	}, action);
}

/** Page code that sets a form control's value and fires `event` (what typing or picking does). */
const setControl = (label: string, value: string, event: string) =>
	[
		`const s = document.querySelector('[aria-label="${label}"]');`,
		`s.value = '${value}';`,
		`s.dispatchEvent(new Event('${event}', { bubbles: true }));`
	].join(' ');
const setSelect = (label: string, value: string) => setControl(label, value, 'change');
const setSearch = (value: string) => setControl('Search results', value, 'input');

/** Reads a body to its end in the page and drops it; the milliseconds it took. */
function readInPage(page: Page, url: string): Promise<number> {
	return page.evaluate(async (u) => {
		const r0 = performance.now();
		const reader = (await fetch(u)).body!.getReader();
		while (!(await reader.read()).done);
		return performance.now() - r0;
	}, url);
}

/**
 * Records, in the page, when the first result row and the "results loaded" line appear. Timed
 * in the page as the naive baseline is: timed from the bench, each figure also carried two
 * round trips to the browser (the request event, the locator's polling), 50–100 ms under load.
 */
function watchRows() {
	const seen: Record<string, number> = {};
	(globalThis as { seen?: typeof seen }).seen = seen;
	new MutationObserver(() => {
		if (seen.firstRow === undefined && document.querySelector('[data-testid="result-row"]'))
			seen.firstRow = performance.now();
		if (seen.loaded === undefined && document.querySelector('[data-testid="results-loaded"]'))
			seen.loaded = performance.now();
	}).observe(document, { subtree: true, childList: true });
}

/** Milliseconds from the results request's start (resource timing) to first rows and to all loaded. */
function shownAfterRequest() {
	const seen = (globalThis as { seen?: Record<string, number> }).seen!;
	const request = performance
		.getEntriesByType('resource')
		.find((e) => e.name.endsWith('/results'))!;
	return {
		firstRows: seen.firstRow - request.startTime,
		allLoaded: seen.loaded - request.startTime
	};
}

/** Peak RSS growth of a process over idle while `work` runs, sampled every 50 ms. */
async function rssGrowth(pid: number, work: () => Promise<void>): Promise<number> {
	const idle = rssMb(pid);
	let peak = idle;
	const sampler = setInterval(() => {
		try {
			peak = Math.max(peak, rssMb(pid));
		} catch {
			// the process exited (a failed run): the caller reports it
		}
	}, 50);
	try {
		await work();
	} finally {
		clearInterval(sampler);
	}
	return peak - idle;
}

/**
 * The floor for the server's RSS growth: the same results read by a browser page through a bare
 * node:http proxy (bench/servers/floor-proxy.mjs). Its growth is the socket buffers Node frees
 * only at a GC, which V8 lets pile up to its external-memory slack (64 MB) before it runs one.
 */
async function floorRssGrowth(
	browser: Awaited<ReturnType<typeof launchChromium>>,
	floor: ChildServer
): Promise<number> {
	const page = await browser.newPage();
	// A same-origin page of the proxy's, so the fetch needs no CORS.
	await page.goto(`${floor.url}/api/health`);
	const url = `${floor.url}/api/v1/messages/batches/${BENCH_BATCH_ID}/results`;
	const growth = await rssGrowth(floor.pid, () => readInPage(page, url).then(() => {}));
	await page.close();
	return growth;
}

/**
 * The results viewer against `lines` results served through the playground by a stand-in
 * upstream, next to a naive viewer (fetch everything, JSON.parse each line on the main thread).
 */
export async function batchResults(o: { lines: number }): Promise<BenchRow[]> {
	const upstream = await startResultsUpstream(o.lines);
	const app = await startApp({
		ANTHROPIC_API_KEY: 'bench-key',
		ANTHROPIC_BASE_URL: upstream.url,
		LOG_LEVEL: 'warn'
	});
	const floor = await startChildServer(FLOOR_PROXY, { UPSTREAM_URL: upstream.url });
	const browser = await launchChromium();
	try {
		const floorGrowth = await floorRssGrowth(browser, floor);
		const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
		await page.addInitScript(watchRows);
		// Warm the server (first SSR, route modules) so the growth below is the results stream's;
		// the page's own requests after load must be done too, or they are counted as streaming.
		await page.goto(`${app.url}/batches`, { waitUntil: 'networkidle' });
		const resultsUrl = `${app.url}/api/v1/messages/batches/${BENCH_BATCH_ID}/results`;
		let transfer = 0;
		let firstRows = 0;
		let allLoaded = 0;
		const growth = await rssGrowth(app.pid, async () => {
			// Transfer alone (bytes read and dropped): the floor for any viewer. Measured first, so the
			// results path is as warm for the viewer as for the naive parse.
			transfer = await readInPage(page, resultsUrl);
			await page.goto(`${app.url}/batches/${BENCH_BATCH_ID}`);
			await page.locator('[data-testid="results-loaded"]').waitFor({ timeout: 300_000 });
			({ firstRows, allLoaded } = await page.evaluate(shownAfterRequest));
		});
		const filter = await timedInPage(page, setSelect('Filter by result type', 'errored'));
		await timedInPage(page, setSelect('Filter by result type', 'all'));
		const search = await timedInPage(page, setSearch('lazy fox'));
		const viewerHeap = await heapMb(page);

		// Naive baseline: the whole body, then JSON.parse per line, on the main thread.
		const naive = await browser.newPage();
		// A page of ours, so its CSP lets it fetch from the app.
		await naive.goto(`${app.url}/batches`);
		const n = await naive.evaluate(async (url) => {
			const t0 = performance.now();
			const text = await (await fetch(url)).text();
			const rows = text
				.split('\n')
				.filter(Boolean)
				.map((l) => JSON.parse(l));
			const all = performance.now() - t0;
			(globalThis as { kept?: unknown }).kept = rows;
			const f0 = performance.now();
			rows.filter((r) => r.result.type === 'errored');
			const filter = performance.now() - f0;
			const s0 = performance.now();
			rows.filter((r) => JSON.stringify(r).toLowerCase().includes('lazy fox'));
			return { all, filter, search: performance.now() - s0 };
		}, resultsUrl);
		const naiveHeap = await heapMb(naive);
		const k = `${(o.lines / 1000).toFixed(o.lines < 1000 ? 1 : 0)}k lines, ${(upstream.bytes / MB).toFixed(1)} MB`;
		return [
			row({
				section: 'batch-results',
				name: `time to first rows (${k})`,
				value: firstRows,
				baseline: n.all,
				unit: 'ms',
				target: '< 300 ms',
				pass: firstRows < 300,
				note: 'baseline: naive shows rows only once all are parsed'
			}),
			row({
				section: 'batch-results',
				name: 'time to all loaded',
				value: allLoaded,
				baseline: n.all,
				unit: 'ms',
				target: '<= baseline',
				pass: allLoaded <= n.all,
				note: 'baseline: naive fetch + JSON.parse per line'
			}),
			row({
				section: 'batch-results',
				name: 'transfer only (read body, no parsing)',
				value: transfer,
				unit: 'ms',
				target: 'none set',
				note: 'the floor for time to all loaded'
			}),
			row({
				section: 'batch-results',
				name: 'filter to errored (incl. next frame)',
				value: filter,
				baseline: n.filter,
				unit: 'ms',
				target: '< 100 ms',
				pass: filter < 100,
				note: 'baseline: Array.filter on parsed objects, no render'
			}),
			row({
				section: 'batch-results',
				name: 'full-text search (incl. next frame)',
				value: search,
				baseline: n.search,
				unit: 'ms',
				target: '< 100 ms',
				pass: search < 100
			}),
			row({
				section: 'batch-results',
				name: 'page JS heap after load',
				value: viewerHeap,
				baseline: naiveHeap,
				unit: 'MB',
				target: 'none set',
				note: 'main thread only; baseline: naive holding every parsed line'
			}),
			row({
				section: 'batch-results',
				name: 'server RSS growth while streaming',
				value: growth,
				baseline: floorGrowth,
				unit: 'MB',
				target: '< 30 MB',
				pass: growth < 30,
				note:
					'baseline: a bare node:http proxy streaming the same results to a page once; ' +
					'the app streams them twice in its window (transfer only, then the viewer)'
			})
		];
	} finally {
		await browser.close();
		await floor.stop();
		await app.stop();
		await new Promise((r) => upstream.server.close(r));
	}
}
