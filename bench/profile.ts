// What the browser's long tasks are made of: `npx vite-node bench/profile.ts -- stream 100000`
// (or `scroll`, or `evaluate 200` for Run all on a grid of that many cases × 2 versions). Runs the
// browser section's scenario once with a Chromium trace and a CPU profile, then prints, for every
// task over 50 ms (LONG_US=25000 for over 25 ms), its top-level trace events and the JS functions
// with the most self time inside it. A developer's tool; `npm run bench` does not run it.
import type { CDPSession, Page } from '@playwright/test';
import { startApp } from '../tests/support/servers';
import { launchChromium } from './lib/browser';
import { deltaStream } from './lib/delta-stream';
import {
	observedPage,
	openPlayground,
	scrollLogThrough,
	sendAndWaitDone
} from './lib/playground-page';
import { startStandIn } from './lib/stand-in';

interface TraceEvent {
	name: string;
	ph: string;
	ts: number;
	dur?: number;
	tid: number;
	pid: number;
	args?: { data?: { frame?: string } };
}
interface CpuProfile {
	nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
	startTime: number;
	samples: number[];
	timeDeltas: number[];
}

const INTERVAL_US = 500;
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink'];

async function traced(page: Page, action: () => Promise<void>) {
	const cdp: CDPSession = await page.context().newCDPSession(page);
	const events: TraceEvent[] = [];
	cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as TraceEvent[])));
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: INTERVAL_US });
	await cdp.send('Tracing.start', {
		categories: CATEGORIES.join(','),
		transferMode: 'ReportEvents'
	});
	await cdp.send('Profiler.start');
	await action();
	const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
	const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
	await cdp.send('Tracing.end');
	await done;
	return { events, profile };
}

function report(events: TraceEvent[], profile: CpuProfile) {
	// The renderer main thread is the one running the most RunTask time.
	const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X');
	const byThread = new Map<string, number>();
	for (const t of tasks)
		byThread.set(`${t.pid}:${t.tid}`, (byThread.get(`${t.pid}:${t.tid}`) ?? 0) + t.dur!);
	const main = [...byThread].sort((a, b) => b[1] - a[1])[0][0];
	const onMain = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur);
	const long = onMain.filter(
		(e) => e.name === 'RunTask' && e.dur! > Number(process.env.LONG_US ?? 50_000)
	);
	// Sample times (trace clock, µs) and their leaf function.
	const nodeName = new Map(
		profile.nodes.map((n) => [
			n.id,
			`${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`
		])
	);
	let t = profile.startTime;
	const samples = profile.samples.map((id, i) => ({
		t: (t += profile.timeDeltas[i]),
		name: nodeName.get(id)!
	}));
	const top = (m: Map<string, number>, n: number, f: (v: number) => string) =>
		[...m]
			.sort((a, b) => b[1] - a[1])
			.slice(0, n)
			.map(([k, v]) => `${k} ${f(v)}`)
			.join('; ');
	const ms = (v: number) => `${(v / 1000).toFixed(1)}ms`;
	const sampled = (v: number) => `${((v * INTERVAL_US) / 1000).toFixed(0)}ms`;
	const allKinds = new Map<string, number>();
	for (const e of onMain) allKinds.set(e.name, (allKinds.get(e.name) ?? 0) + e.dur!);
	const allFns = new Map<string, number>();
	for (const s of samples) allFns.set(s.name, (allFns.get(s.name) ?? 0) + 1);
	console.log('whole run, events (incl.):', top(allKinds, 25, ms));
	console.log('whole run, js self:', top(allFns, 30, sampled));
	console.log(`${long.length} tasks over 50 ms on the main thread (${main})`);
	for (const task of long) {
		const end = task.ts + task.dur!;
		const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= end);
		const kinds = new Map<string, number>();
		for (const e of inside) kinds.set(e.name, (kinds.get(e.name) ?? 0) + e.dur!);
		const fns = new Map<string, number>();
		for (const s of samples)
			if (s.t >= task.ts && s.t <= end) fns.set(s.name, (fns.get(s.name) ?? 0) + 1);
		console.log(`\n== task ${(task.dur! / 1000).toFixed(0)} ms`);
		console.log('  events (incl.):', top(kinds, 10, ms));
		console.log('  js self:', top(fns, 12, sampled));
	}
}

/** Run all on the evaluate page, as the bench's evaluate-grid section does, traced for 6 s. */
async function profileEvaluate(cases: number) {
	const app = await startApp({ SIMULATOR_TOKENS_PER_SECOND: '400', LOG_LEVEL: 'warn' });
	const browser = await launchChromium();
	try {
		const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
		await page.goto(`${app.url}/evaluate`);
		await page.locator('html[data-hydrated="true"]').waitFor();
		while ((await page.getByRole('button', { name: /^Remove case/ }).count()) > 0)
			await page.getByRole('button', { name: 'Remove case 1' }).click();
		const rows = ['city', ...Array.from({ length: cases }, (_, i) => `City number ${i + 1}`)];
		await page.getByText('Import or generate cases').click();
		await page.getByLabel('Paste from a spreadsheet (with its header row)').fill(rows.join('\n'));
		await page.getByRole('button', { name: 'Add pasted rows' }).click();
		await page.getByRole('button', { name: '+ Version' }).click();
		const runAll = await page.getByRole('button', { name: 'Run all' }).elementHandle();
		const { events, profile } = await traced(page, async () => {
			await runAll!.click();
			await page.waitForTimeout(6000);
		});
		report(events, profile);
	} finally {
		await browser.close();
		await app.stop();
	}
}

async function main() {
	const [what = 'stream', n = '100000'] = process.argv.slice(2).filter((a) => a !== '--');
	if (what === 'evaluate') return profileEvaluate(Number(n));
	const stream = deltaStream(Number(n));
	const standIn = await startStandIn(stream);
	const app = await startApp({
		ANTHROPIC_API_KEY: 'x',
		ANTHROPIC_BASE_URL: standIn.url,
		LOG_LEVEL: 'warn'
	});
	const browser = await launchChromium();
	try {
		const page = await observedPage(browser);
		await openPlayground(page, app.url);
		if (what === 'scroll') await sendAndWaitDone(page);
		const t0 = Date.now();
		const { events, profile } = await traced(page, async () => {
			if (what === 'scroll') await scrollLogThrough(page, 50);
			else {
				const { sentAt: t0, doneAt: done } = await sendAndWaitDone(page);
				const res = await page.evaluate(() =>
					performance
						.getEntriesByType('resource')
						.filter((e) => e.name.includes('/api/v1/messages'))
						.map((e) => [(e as PerformanceResourceTiming).responseStart, e.responseEnd])
				);
				const rel = (v: number) => (v - t0).toFixed(0);
				console.log(
					`response start/end ${res.flat().map(rel).join(' / ')} ms; all rendered ${rel(done)} ms`
				);
			}
		});
		console.log(`${what}: ${Date.now() - t0} ms traced`);
		report(events, profile);
	} finally {
		await browser.close();
		await app.stop();
		await standIn.close();
	}
}

await main();
