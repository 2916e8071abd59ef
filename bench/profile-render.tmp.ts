import { writeFileSync } from 'node:fs';
import { startApp } from '../tests/support/servers';
import { launchChromium } from './lib/browser';
import { deltaStream } from './lib/delta-stream';
import { startStandIn } from './lib/stand-in';
import { observedPage, openPlayground, sendAndWaitDone } from './lib/playground-page';
import { longTasksSince, pageNow } from './lib/longtasks';

const n = Number(process.argv[2] ?? 20000);
const stream = deltaStream(n);
const standIn = await startStandIn(stream);
const app = await startApp({ ANTHROPIC_API_KEY: 'x', ANTHROPIC_BASE_URL: standIn.url, LOG_LEVEL: 'warn' });
const browser = await launchChromium();
try {
	const page = await observedPage(browser);
	await openPlayground(page, app.url);
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
	await cdp.send('Profiler.start');
	const t0 = await pageNow(page);
	const done = await sendAndWaitDone(page);
	const { profile } = await cdp.send('Profiler.stop');
	const lt = await longTasksSince(page, t0);
	writeFileSync('/tmp/perfprof/render.cpuprofile', JSON.stringify(profile));
	// self time by function
	const self = new Map<string, number>();
	const byId = new Map(profile.nodes.map((nd) => [nd.id, nd]));
	const dt = profile.timeDeltas ?? [];
	profile.samples?.forEach((id, i) => {
		const nd = byId.get(id)!;
		const cf = nd.callFrame;
		const key = `${cf.functionName || '(anon)'} ${cf.url.split('/').pop()}:${cf.lineNumber}:${cf.columnNumber}`;
		self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
	});
	const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 40);
	console.log(`done in ${(done - t0).toFixed(0)} ms; longest task ${lt.longestMs} over50 ${lt.over50}`);
	for (const [k, v] of top) console.log(v.toFixed(0).padStart(7), k);
} finally {
	await browser.close();
	await app.stop();
	await standIn.close();
}
