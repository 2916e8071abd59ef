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
	/** Rounds of 20 stress streams each side serves before anything is measured (default 10). */
	warmupRounds?: number;
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
	// Both proxies (and this client) are fresh processes: their JavaScript runs unoptimized for
	// the first few hundred requests, which is start-up, not the steady state a gateway serves
	// in. Every side gets the same warm-up. Without it the paced figures, measured first, read
	// the JIT: 0.2-0.4 ms more of the app's TTFB over the floor at 1 stream than after it.
	const warm = (side: Side, r: number) =>
		Promise.all(
			Array.from({ length: 20 }, (_, j) =>
				timeStream(url[side], replayBody(files[(r * 20 + j) % files.length], 'stress'))
			)
		);
	for (let r = 0; r < (o.warmupRounds ?? 10); r++) for (const side of SIDES) await warm(side, r);
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

/**
 * The issue's targets are written as "added over going straight to the upstream". Read against
 * the floor measured in the same run they become "the app's cost over the bare proxy", and
 * those rows carry the pass/fail: at 20 concurrent in stress mode the direct p95 can be *higher*
 * than either proxy's (the bench client reads direct's many tiny slices one by one, while a
 * proxy hands it fewer, larger chunks), so "added over direct" can go negative and is no floor
 * of anything. The added rows stay, for reading against the issue's own table, without a target.
 */
function levelRows(mode: ReplayMode, c: number, s: Samples): BenchRow[] {
	const section = `proxy-${mode}`;
	const at = (side: Side, metric: 'ttfb' | 'total', p: number) => percentile(s[side][metric], p);
	const added = (side: Side, metric: 'ttfb' | 'total', p: number) =>
		at(side, metric, p) - at('direct', metric, p);
	const over = (metric: 'ttfb' | 'total', p: number) =>
		at('app', metric, p) - at('floor', metric, p);
	const n = s.app.ttfb.length;
	const streams = `${c} concurrent`;
	// The floor's own cost over direct; a negative one (direct slower) counts as none.
	const floor50 = Math.max(0, added('floor', 'ttfb', 50));
	// Issue: TTFB added p50 <= 2 ms at 1 stream, <= 2x the floor's added + 2 ms at 20.
	const overTtfbTarget = c === 1 ? 2 - floor50 : c === 20 ? floor50 + 2 : undefined;
	const issueTtfb =
		c !== 1
			? 'added <= 2x floor + 2 ms'
			: floor50 > 2
				? 'added <= 2 ms; the floor alone adds more'
				: 'added <= 2 ms';
	// Issue: stream total p95 at 20 concurrent within 5% of the floor's.
	const totalFloor = at('floor', 'total', 95);
	const overTotalTarget = c === 20 ? 0.05 * totalFloor : undefined;
	const pair = (metric: 'ttfb' | 'total', p: number) =>
		`app p${p} ${at('app', metric, p).toFixed(1)} ms - floor p${p} ${at('floor', metric, p).toFixed(1)} ms`;
	const direct = (metric: 'ttfb' | 'total', p: number) => {
		const negative = added('floor', metric, p) < 0;
		return (
			`direct p${p} ${at('direct', metric, p).toFixed(1)} ms, app p${p} ` +
			`${at('app', metric, p).toFixed(1)} ms; n=${n}` +
			(negative ? '; direct slower than the proxies (client-side), read over the floor' : '')
		);
	};
	const info = 'none (the over-the-floor row carries it)';
	return [
		row({
			section,
			name: `TTFB p50 over the floor, ${streams}`,
			value: over('ttfb', 50),
			unit: 'ms',
			target:
				overTtfbTarget === undefined
					? 'none set'
					: `<= ${overTtfbTarget.toFixed(2)} ms (issue: ${issueTtfb})`,
			pass: overTtfbTarget === undefined ? undefined : over('ttfb', 50) <= overTtfbTarget,
			note: pair('ttfb', 50)
		}),
		row({
			section,
			name: `stream total p95 over the floor, ${streams}`,
			value: over('total', 95),
			unit: 'ms',
			target:
				overTotalTarget === undefined
					? 'none set'
					: `<= 5% of floor p95 = ${overTotalTarget.toFixed(2)} ms`,
			pass: overTotalTarget === undefined ? undefined : over('total', 95) <= overTotalTarget,
			note: pair('total', 95)
		}),
		row({
			section,
			name: `TTFB added p50, ${streams}`,
			value: added('app', 'ttfb', 50),
			baseline: added('floor', 'ttfb', 50),
			unit: 'ms',
			target: overTtfbTarget === undefined ? 'none set' : info,
			note: `baseline: bare node:http proxy; ${direct('ttfb', 50)}`
		}),
		row({
			section,
			name: `TTFB added p95, ${streams}`,
			value: added('app', 'ttfb', 95),
			baseline: added('floor', 'ttfb', 95),
			unit: 'ms',
			target: 'none set',
			note: direct('ttfb', 95)
		}),
		row({
			section,
			name: `stream total added p95, ${streams}`,
			value: added('app', 'total', 95),
			baseline: added('floor', 'total', 95),
			unit: 'ms',
			target: overTotalTarget === undefined ? 'none set' : info,
			note: direct('total', 95)
		})
	];
}
