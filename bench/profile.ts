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
	args?: { data?: { frame?: string; type?: string } };
}
interface CpuProfile {
	nodes: {
		id: number;
		callFrame: { functionName: string; url: string; lineNumber: number };
		children?: number[];
	}[];
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
	console.log('whole run, events (excl.):', top(exclusiveTimes(onMain), 30, ms));
	// Inclusive time: every function on a sample's stack (once per sample) gets the sample.
	const parent = new Map<number, number>();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const inclusive = new Map<string, number>();
	// WINDOW=from,to (ms from the first sample): only samples in that window.
	const [from, to] = (process.env.WINDOW ?? '0,1e9').split(',').map((v) => Number(v) * 1000);
	for (const [i, id] of profile.samples.entries()) {
		const at = samples[i].t - profile.startTime;
		if (at < from || at > to) continue;
		const seen = new Set<string>();
		for (let n: number | undefined = id; n !== undefined; n = parent.get(n))
			seen.add(nodeName.get(n)!);
		for (const name of seen) inclusive.set(name, (inclusive.get(name) ?? 0) + 1);
	}
	console.log('whole run, js inclusive:', top(inclusive, 40, sampled));
	if (process.env.TIMELINE) timeline(onMain, samples);
	console.log(`${long.length} tasks over 50 ms on the main thread (${main})`);
	for (const task of long) {
		const end = task.ts + task.dur!;
		const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= end);
		const kinds = new Map<string, number>();
		for (const e of inside) kinds.set(e.name, (kinds.get(e.name) ?? 0) + e.dur!);
		const fns = new Map<string, number>();
		for (const s of samples)
			if (s.t >= task.ts && s.t <= end) fns.set(s.name, (fns.get(s.name) ?? 0) + 1);
		const at = ((task.ts - onMain[0].ts) / 1000).toFixed(0);
		console.log(`\n== task ${(task.dur! / 1000).toFixed(0)} ms, at ${at} ms`);
		console.log('  events (incl.):', top(kinds, 10, ms));
		console.log('  js self:', top(fns, 12, sampled));
		const incl = new Map<string, number>();
		for (const [i, id] of profile.samples.entries()) {
			if (samples[i].t < task.ts || samples[i].t > end) continue;
			const seen = new Set<string>();
			for (let n: number | undefined = id; n !== undefined; n = parent.get(n))
				seen.add(nodeName.get(n)!);
			for (const name of seen) incl.set(name, (incl.get(name) ?? 0) + 1);
		}
		console.log('  js inclusive:', top(incl, 25, sampled));
	}
}

/** Time per trace event name less its children's (native work by kind), events of one thread. */
function exclusiveTimes(events: TraceEvent[]): Map<string, number> {
	const sorted = [...events].sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
	const exclusive = new Map<string, number>();
	const stack: TraceEvent[] = [];
	for (const e of sorted) {
		while (stack.length && stack.at(-1)!.ts + stack.at(-1)!.dur! <= e.ts) stack.pop();
		const up = stack.at(-1);
		if (up) exclusive.set(up.name, (exclusive.get(up.name) ?? 0) - e.dur!);
		exclusive.set(e.name, (exclusive.get(e.name) ?? 0) + e.dur!);
		stack.push(e);
	}
	return exclusive;
}

/**
 * TIMELINE=1: from the click, per 100 ms of trace time, how busy the main thread was and with
 * what (top-level trace events and JS self time), to see where the time to final text goes.
 */
function timeline(onMain: TraceEvent[], samples: { t: number; name: string }[]) {
	if (!samples.length) return;
	const click = onMain.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click');
	const t0 = click?.ts ?? onMain[0].ts;
	console.log(
		`timeline from the click, ${((t0 - samples[0].t) / 1000).toFixed(0)} ms after profiling began`
	);
	const BUCKET = Number(process.env.BUCKET_MS ?? 100) * 1000;
	const tasks = onMain.filter((e) => e.name === 'RunTask' && e.ts + e.dur! >= t0);
	const end = Math.max(...tasks.map((e) => e.ts + e.dur!));
	for (let b = t0; b < end; b += BUCKET) {
		const inB = (e: TraceEvent) => e.ts >= b && e.ts < b + BUCKET;
		const busy = tasks.filter(inB).reduce((n, e) => n + e.dur!, 0);
		const kinds = exclusiveTimes(onMain.filter(inB));
		const fns = new Map<string, number>();
		for (const s of samples)
			if (s.t >= b && s.t < b + BUCKET) fns.set(s.name, (fns.get(s.name) ?? 0) + 1);
		const top = (m: Map<string, number>, n: number, f: (v: number) => string) =>
			[...m]
				.sort((x, y) => y[1] - x[1])
				.slice(0, n)
				.map(([k, v]) => `${k} ${f(v)}`)
				.join('; ');
		console.log(
			`${((b - t0) / 1000).toFixed(0).padStart(5)} ms busy ${(busy / 1000).toFixed(0).padStart(3)} | ` +
				top(fns, 6, (v) => `${((v * INTERVAL_US) / 1000).toFixed(0)}`) +
				' | ' +
				top(kinds, 6, (v) => (v / 1000).toFixed(0))
		);
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
			// WHOLE=1: to the last cell (the end of the run and its save included), else 6 s.
			if (process.env.WHOLE)
				await page.waitForFunction(
					(n) => document.querySelectorAll('[data-status="done"]').length >= n,
					cases * 2,
					{ timeout: 600_000, polling: 500 }
				);
			else await page.waitForTimeout(6000);
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
			else if (what === 'naive') {
				await page.goto(standIn.url + '/naive/stream');
				const ms = await page.evaluate(async () => {
					const t = performance.now();
					await (window as unknown as { runStream: () => Promise<string> }).runStream();
					return performance.now() - t;
				});
				console.log(`naive page: ${ms.toFixed(0)} ms`);
			} else {
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
