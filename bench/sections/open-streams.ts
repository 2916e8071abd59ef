import { rssMb } from '../lib/proc';
import { replayBody } from '../lib/replay-requests';
import { percentile, row, type BenchRow } from '../lib/stats';

interface Target {
	url: string;
	pid: number;
}

interface Held {
	rssPerStreamKb: number;
	healthP99: number;
	healthP50: number;
	heldMb: number;
}

/** Opens `streams` held streams (batches of 100, as a listen backlog allows), reading and dropping every byte. */
async function holdStreams(t: Target, streams: number, healthSamples: number): Promise<Held> {
	const body = JSON.stringify(replayBody('stream-text-ping.sse', 'hold'));
	// Warm the process (route modules, upstream pool) so the growth below is the streams'.
	for (let i = 0; i < 5; i++) await (await fetch(`${t.url}/api/health`)).text();
	const idle = rssMb(t.pid);
	const aborts: AbortController[] = [];
	const drains: Promise<void>[] = [];
	for (let opened = 0; opened < streams; opened += 100) {
		const batch = Array.from({ length: Math.min(100, streams - opened) }, async () => {
			const abort = new AbortController();
			aborts.push(abort);
			const res = await fetch(`${t.url}/api/v1/messages`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
				body,
				signal: abort.signal
			});
			if (!res.ok || !res.body)
				throw new Error(`held stream refused: ${res.status} ${await res.text()}`);
			const reader = res.body.getReader();
			await reader.read();
			drains.push(
				(async () => {
					for (;;) if ((await reader.read().catch(() => ({ done: true }))).done) return;
				})()
			);
		});
		await Promise.all(batch);
	}
	const health: number[] = [];
	for (let i = 0; i < healthSamples; i++) {
		const t0 = performance.now();
		await (await fetch(`${t.url}/api/health`)).text();
		health.push(performance.now() - t0);
	}
	const held = rssMb(t.pid);
	for (const a of aborts) a.abort();
	await Promise.allSettled(drains);
	// Let the process close its upstream sockets before the next side is measured.
	await new Promise((r) => setTimeout(r, 500));
	return {
		rssPerStreamKb: ((held - idle) * 1024) / streams,
		healthP99: percentile(health, 99),
		healthP50: percentile(health, 50),
		heldMb: held
	};
}

/**
 * Many streams held open at once (the upstream sends a ping a second on each): the app's
 * `/api/health` latency and resident memory per stream, against the bare node:http proxy.
 */
export async function openStreams(o: {
	app: Target;
	floor: Target;
	streams: number;
	healthSamples: number;
}): Promise<BenchRow[]> {
	const floor = await holdStreams(o.floor, o.streams, o.healthSamples);
	const app = await holdStreams(o.app, o.streams, o.healthSamples);
	const section = 'open-streams';
	const n = o.streams.toLocaleString('en');
	return [
		row({
			section,
			name: `/api/health p99 with ${n} open streams`,
			value: app.healthP99,
			baseline: floor.healthP99,
			unit: 'ms',
			target: '< 100 ms',
			pass: app.healthP99 < 100,
			note: `p50 ${app.healthP50.toFixed(1)} ms; baseline: bare node:http proxy holding as many; ${o.healthSamples} samples`
		}),
		row({
			section,
			name: `RSS per open stream (${n} open)`,
			value: app.rssPerStreamKb,
			baseline: floor.rssPerStreamKb,
			unit: 'KB',
			target: '<= 100 KB',
			pass: app.rssPerStreamKb <= 100,
			note: `app RSS ${app.heldMb.toFixed(0)} MB held; baseline: bare node:http proxy`
		})
	];
}
