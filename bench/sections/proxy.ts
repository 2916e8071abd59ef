import { percentile, row, type BenchRow } from '../lib/stats';
import { timeStream } from '../lib/stream-client';

export interface ProxyOptions {
	simulatorUrl: string;
	appUrl: string;
	concurrency: number[];
	/** Samples per side and concurrency level (p95 needs a few dozen to mean anything). */
	samples: number;
	maxTokens: number;
	/** Upstream latency before the first byte, as the real API has (simulator `slow:` fault). */
	latencyMs: number;
}

/**
 * Proxy overhead: the same streamed requests straight to the standalone simulator (baseline)
 * and through the app's /api (app in real-key mode pointed at that simulator). Rounds alternate
 * so drift hits both sides alike.
 */
export async function proxyOverhead(o: ProxyOptions): Promise<BenchRow[]> {
	const body = { model: 'claude-3-5-haiku-20241022', max_tokens: o.maxTokens, stream: true, messages: [{ role: 'user', content: 'Benchmark stream' }] };
	const headers: Record<string, string> = o.latencyMs > 0 ? { 'x-simulator-fault': `slow:${o.latencyMs}` } : {};
	const rows: BenchRow[] = [];
	for (const c of o.concurrency) {
		const samples = { direct: { ttfb: [] as number[], total: [] as number[] }, proxy: { ttfb: [] as number[], total: [] as number[] } };
		const rounds = Math.max(2, Math.ceil(o.samples / c));
		for (let r = 0; r < rounds; r++) {
			for (const side of r % 2 === 0 ? (['direct', 'proxy'] as const) : (['proxy', 'direct'] as const)) {
				const url = side === 'direct' ? `${o.simulatorUrl}/v1/messages` : `${o.appUrl}/api/v1/messages`;
				const results = await Promise.all(Array.from({ length: c }, () => timeStream(url, body, headers)));
				for (const t of results) {
					samples[side].ttfb.push(t.ttfb);
					samples[side].total.push(t.total);
				}
			}
		}
		for (const metric of ['ttfb', 'total'] as const) {
			for (const p of [50, 95]) {
				const value = percentile(samples.proxy[metric], p);
				const baseline = percentile(samples.direct[metric], p);
				rows.push(
					row({
						section: 'proxy',
						name: `${metric === 'ttfb' ? 'time to first byte' : 'stream total'} p${p}, ${c} concurrent`,
						value,
						baseline,
						unit: 'ms',
						target: '< 1.05x',
						pass: value / baseline < 1.05
					})
				);
			}
		}
	}
	return rows;
}
