import { mkdtempSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../../tests/support/servers';
import { startChildServer } from '../lib/child-server';
import { rssMb } from '../lib/proc';
import { percentile, row, type BenchRow } from '../lib/stats';

const BATCH_SINK = 'bench/servers/batch-sink.mjs';
const MB = 1024 * 1024;

/** About `mb` MB of batch requests, each a different prompt of ~2 KB. */
function batchBody(mb: number): { body: Uint8Array<ArrayBuffer>; requests: number } {
	const parts: Buffer[] = [Buffer.from('{"requests":[')];
	let size = 0;
	let n = 0;
	while (size < mb * MB) {
		const line = JSON.stringify({
			custom_id: `r${n}`,
			params: {
				model: 'claude-haiku-4-5-20251001',
				max_tokens: 64,
				messages: [
					{ role: 'user', content: `Question ${n}: ${'tell me about Paris '.repeat(150)}` }
				]
			}
		});
		const part = Buffer.from((n ? ',' : '') + line);
		parts.push(part);
		size += part.length;
		n++;
	}
	parts.push(Buffer.from(']}'));
	const whole = Buffer.concat(parts);
	return { body: new Uint8Array(whole.buffer, whole.byteOffset, whole.length), requests: n };
}

/** Peak resident memory of a process so far (VmHWM), in MB. */
function peakRssMb(pid: number): number {
	const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
	return kb / 1024;
}

/** Times `/api/health` one request after another until `until` resolves (or `count` are taken). */
async function pollHealth(url: string, until: Promise<unknown> | number): Promise<number[]> {
	const times: number[] = [];
	let done = false;
	if (typeof until !== 'number') void until.finally(() => (done = true));
	while (!done && (typeof until !== 'number' || times.length < until)) {
		const t0 = performance.now();
		await (await fetch(`${url}/api/health`)).text();
		times.push(performance.now() - t0);
		// About 50 samples a second: enough to see a stall, without loading the box ourselves.
		await new Promise((r) => setTimeout(r, 20));
	}
	return times;
}

/**
 * One large batch create while `/api/health` is polled: its p50/p95/p99 against the same
 * server idle (same run), and the server's resident memory at its peak against idle. The
 * upstream is a sink in its own process that drains the body, so only the app is measured.
 */
export async function uploadLoad(o: {
	megabytes: number;
	idleSamples: number;
}): Promise<BenchRow[]> {
	const sink = await startChildServer(BATCH_SINK);
	const app = await startApp({
		ANTHROPIC_API_KEY: 'bench-key',
		ANTHROPIC_BASE_URL: sink.url,
		LOG_LEVEL: 'warn',
		DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-upload-'))
	});
	try {
		const { body, requests } = batchBody(o.megabytes);
		for (let i = 0; i < 5; i++) await (await fetch(`${app.url}/api/health`)).text();
		const idle = await pollHealth(app.url, o.idleSamples);
		const idleRss = rssMb(app.pid);
		const loadBefore = loadavg();
		const started = performance.now();
		const upload = fetch(`${app.url}/api/v1/messages/batches`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
			// A view, not a copy: fetch's BodyInit does not take Node's Buffer type.
			body: new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength)
		}).then(async (res) => ({
			status: res.status,
			json: (await res.json()) as {
				request_counts?: { processing?: number };
			}
		}));
		let rssSeen = idleRss;
		const sampler = setInterval(() => (rssSeen = Math.max(rssSeen, rssMb(app.pid))), 50);
		const during = await pollHealth(app.url, upload);
		clearInterval(sampler);
		const seconds = (performance.now() - started) / 1000;
		const result = await upload;
		const counted = result.json.request_counts?.processing;
		if (result.status !== 200 || counted !== requests)
			throw new Error(
				`upload answered ${result.status}: ${JSON.stringify(result.json).slice(0, 300)}`
			);
		const peak = Math.max(rssSeen, peakRssMb(app.pid));
		const sinkPeak = peakRssMb(sink.pid);
		const load = `load ${loadBefore.map((l) => l.toFixed(2)).join(' ')} before, ${loadavg()
			.map((l) => l.toFixed(2))
			.join(' ')} after`;
		const section = 'upload-load';
		const size = `${(body.length / MB).toFixed(0)} MB batch (${requests.toLocaleString('en')} requests)`;
		const p = (q: number) => percentile(during, q);
		return [
			row({
				section,
				name: `/api/health p99 while a ${size} uploads`,
				value: p(99),
				baseline: percentile(idle, 99),
				unit: 'ms',
				target: '< 100 ms',
				pass: p(99) < 100,
				note:
					`p50 ${p(50).toFixed(1)} ms, p95 ${p(95).toFixed(1)} ms, ${during.length} samples ` +
					`over ${seconds.toFixed(1)} s; baseline: idle p99 (${idle.length} samples); ${load}`
			}),
			row({
				section,
				name: `/api/health p95 while a ${size} uploads`,
				value: p(95),
				baseline: percentile(idle, 95),
				unit: 'ms',
				note: 'baseline: the same server idle'
			}),
			row({
				section,
				name: `server RSS peak during a ${size} upload`,
				value: peak,
				baseline: sinkPeak,
				unit: 'MB',
				note:
					`idle ${idleRss.toFixed(0)} MB before; baseline: peak of the bare node:http sink that ` +
					`took the same body; ${(body.length / MB / seconds).toFixed(0)} MB/s end to end; ${load}`
			})
		];
	} finally {
		await app.stop();
		await sink.stop();
	}
}
