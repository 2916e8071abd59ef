import { cpuSeconds, rssMb } from '../lib/proc';
import { row, type BenchRow } from '../lib/stats';

/** Server memory and CPU with many streams held open through the proxy. */
export async function heldStreams(o: { appUrl: string; appPid: number; streams: number; holdMs: number }): Promise<BenchRow[]> {
	const body = JSON.stringify({ model: 'claude-3-5-haiku-20241022', max_tokens: 4000, stream: true, messages: [{ role: 'user', content: 'Hold me open' }] });
	global.gc?.();
	const idle = rssMb(o.appPid);
	const aborts: AbortController[] = [];
	const readers = await Promise.all(
		Array.from({ length: o.streams }, async () => {
			const abort = new AbortController();
			aborts.push(abort);
			const res = await fetch(`${o.appUrl}/api/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: abort.signal });
			const reader = res.body!.getReader();
			await reader.read();
			return reader;
		})
	);
	// Keep every stream flowing (read and drop) while we measure.
	let open = true;
	const drains = readers.map(async (r) => {
		while (open) {
			const { done } = await r.read().catch(() => ({ done: true }));
			if (done) break;
		}
	});
	const cpu0 = cpuSeconds(o.appPid);
	const t0 = performance.now();
	await new Promise((r) => setTimeout(r, o.holdMs));
	const cpu = cpuSeconds(o.appPid) - cpu0;
	const seconds = (performance.now() - t0) / 1000;
	const held = rssMb(o.appPid);
	open = false;
	for (const a of aborts) a.abort();
	await Promise.allSettled(drains);
	return [
		row({ section: 'server', name: `RSS with ${o.streams} open streams`, value: held, baseline: idle, unit: 'MB', note: 'baseline: the same process idle' }),
		row({ section: 'server', name: 'memory per open stream', value: ((held - idle) * 1024) / o.streams, unit: 'KB' }),
		row({ section: 'server', name: `CPU while ${o.streams} streams flow`, value: (cpu / seconds) * 100, unit: '% of a core' })
	];
}
