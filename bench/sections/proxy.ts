import { recordedStreams, replayBody, type ReplayMode } from '../lib/replay-requests';
import { percentile, row, type BenchRow } from '../lib/stats';
import { timeStream } from '../lib/stream-client';

export interface ProxyOptions {
	/** The replay upstream (direct), the bare node:http proxy (floor) and the app, all on the same upstream. */
	upstreamUrl: string;
	floorUrl: string;
	appUrl: string;
	mode: ReplayMode;
	/** Concurrency level -> rounds of that many streams at once, per side. */
	levels: { concurrency: number; rounds: number }[];
}

type Side = 'direct' | 'floor' | 'app';
const SIDES: Side[] = ['direct', 'floor', 'app'];
type Samples = Record<Side, { ttfb: number[]; total: number[] }>;

/**
 * Proxy cost as milliseconds added over going straight to the upstream, for the app and for a
 * bare node:http proxy (the floor) measured in the same run. Each round sends `concurrency`
 * recorded streams at once to every side in turn (the order rotates so drift hits all alike).
 */
export async function proxyOverhead(o: ProxyOptions): Promise<BenchRow[]> {
	const files = recordedStreams();
	const url: Record<Side, string> = {
		direct: `${o.upstreamUrl}/v1/messages`,
		floor: `${o.floorUrl}/api/v1/messages`,
		app: `${o.appUrl}/api/v1/messages`
	};
	const round = (side: Side, c: number, r: number) =>
		Promise.all(
			Array.from({ length: c }, (_, j) =>
				timeStream(url[side], replayBody(files[(r * c + j) % files.length], o.mode))
			)
		);
	const rows: BenchRow[] = [];
	for (const { concurrency: c, rounds } of o.levels) {
		// Warm-up: open the keep-alive connections every side needs at this level.
		for (const side of SIDES) await round(side, c, 0);
		const samples = Object.fromEntries(
			SIDES.map((s) => [s, { ttfb: [], total: [] }])
		) as unknown as Samples;
		for (let r = 0; r < rounds; r++) {
			for (let k = 0; k < SIDES.length; k++) {
				const side = SIDES[(r + k) % SIDES.length];
				for (const t of await round(side, c, r)) {
					samples[side].ttfb.push(t.ttfb);
					samples[side].total.push(t.total);
				}
			}
		}
		rows.push(...levelRows(o.mode, c, samples));
	}
	return rows;
}

function levelRows(mode: ReplayMode, c: number, s: Samples): BenchRow[] {
	const section = `proxy-${mode}`;
	const at = (side: Side, metric: 'ttfb' | 'total', p: number) => percentile(s[side][metric], p);
	const added = (side: Side, metric: 'ttfb' | 'total', p: number) =>
		at(side, metric, p) - at('direct', metric, p);
	const n = s.app.ttfb.length;
	const streams = `${c} concurrent`;
	const ttfb50 = added('app', 'ttfb', 50);
	const floor50 = added('floor', 'ttfb', 50);
	const ttfbTarget = c === 1 ? 2 : c === 20 ? 2 * floor50 + 2 : undefined;
	const totalFloor = at('floor', 'total', 95);
	const totalTarget = c === 20 ? added('floor', 'total', 95) + 0.05 * totalFloor : undefined;
	const note = (metric: 'ttfb' | 'total', p: number) =>
		`direct p${p} ${at('direct', metric, p).toFixed(1)} ms, app p${p} ${at('app', metric, p).toFixed(1)} ms; n=${n}`;
	// The same targets read as the app's cost over the floor (what the gateway itself adds).
	const over = (metric: 'ttfb' | 'total', p: number) =>
		at('app', metric, p) - at('floor', metric, p);
	const overTtfbTarget = ttfbTarget === undefined ? undefined : ttfbTarget - floor50;
	const overTotalTarget = c === 20 ? 0.05 * totalFloor : undefined;
	return [
		row({
			section,
			name: `TTFB p50 over the floor, ${streams}`,
			value: over('ttfb', 50),
			unit: 'ms',
			target:
				overTtfbTarget === undefined
					? 'none set'
					: `<= ${overTtfbTarget.toFixed(1)} ms (the target below)`,
			pass: overTtfbTarget === undefined ? undefined : over('ttfb', 50) <= overTtfbTarget,
			note: `app p50 ${at('app', 'ttfb', 50).toFixed(1)} ms - floor p50 ${at('floor', 'ttfb', 50).toFixed(1)} ms`
		}),
		row({
			section,
			name: `stream total p95 over the floor, ${streams}`,
			value: over('total', 95),
			unit: 'ms',
			target:
				overTotalTarget === undefined
					? 'none set'
					: `<= 5% of floor = ${overTotalTarget.toFixed(1)} ms`,
			pass: overTotalTarget === undefined ? undefined : over('total', 95) <= overTotalTarget,
			note: `app p95 ${at('app', 'total', 95).toFixed(1)} ms - floor p95 ${totalFloor.toFixed(1)} ms`
		}),
		row({
			section,
			name: `TTFB added p50, ${streams}`,
			value: ttfb50,
			baseline: floor50,
			unit: 'ms',
			target:
				ttfbTarget === undefined
					? 'none set'
					: c === 1
						? '<= 2 ms'
						: `<= 2x floor + 2 = ${ttfbTarget.toFixed(1)} ms`,
			pass: ttfbTarget === undefined ? undefined : ttfb50 <= ttfbTarget,
			note: `baseline: bare node:http proxy; ${note('ttfb', 50)}`
		}),
		row({
			section,
			name: `TTFB added p95, ${streams}`,
			value: added('app', 'ttfb', 95),
			baseline: added('floor', 'ttfb', 95),
			unit: 'ms',
			target: 'none set',
			note: note('ttfb', 95)
		}),
		row({
			section,
			name: `stream total added p95, ${streams}`,
			value: added('app', 'total', 95),
			baseline: added('floor', 'total', 95),
			unit: 'ms',
			target:
				totalTarget === undefined
					? 'none set'
					: `<= floor total +5% = +${totalTarget.toFixed(1)} ms`,
			pass: totalTarget === undefined ? undefined : added('app', 'total', 95) <= totalTarget,
			note: note('total', 95)
		})
	];
}
