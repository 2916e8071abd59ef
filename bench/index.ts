// The benchmark sections, run together. `bench/run.ts` is the command; the smoke test imports this.
import { startApp } from '../tests/support/servers';
import { FLOOR_PROXY, REPLAY_UPSTREAM, startChildServer } from './lib/child-server';
import type { BenchRow } from './lib/stats';
import { batchResults } from './sections/batch-results';
import { browserFigures } from './sections/browser-figures';
import { bundleSizes } from './sections/bundle';
import { evaluateGrid } from './sections/evaluate-grid';
import { openStreams } from './sections/open-streams';
import { proxyOverhead, type ProxyOptions } from './sections/proxy';
import { uploadLoad } from './sections/upload-load';

/** smoke: tiny sizes, only that every figure is measured; quick: the real sizes where cheap, under 2 minutes. */
export type BenchProfile = 'smoke' | 'quick' | 'full';

/** Groups of figures `--only` can pick (the lead and helpers run single sections on a shared box). */
export const GROUPS = [
	'proxy',
	'open-streams',
	'bundle',
	'batch-results',
	'browser',
	'evaluate',
	'upload-load'
] as const;
export type BenchGroup = (typeof GROUPS)[number];

export interface BenchOptions {
	profile: BenchProfile;
	only?: BenchGroup[];
	/** Called as each group finishes, with its wall time. */
	onGroupDone?: (group: string, seconds: number) => void;
}

const SIZES = {
	smoke: {
		levels: [
			{ concurrency: 1, rounds: 3 },
			{ concurrency: 2, rounds: 2 }
		],
		openStreams: 20,
		healthSamples: 20,
		batchLines: 2000,
		deltas: 300,
		scrollSteps: 10,
		evaluateCases: 5,
		uploadMb: 4
	},
	quick: {
		levels: [
			{ concurrency: 1, rounds: 30 },
			{ concurrency: 20, rounds: 3 },
			{ concurrency: 100, rounds: 2 }
		],
		openStreams: 1000,
		healthSamples: 100,
		batchLines: 20_000,
		deltas: 20_000,
		scrollSteps: 50,
		// The grid and the upload are the slow sections; quick runs them smaller (labels say so).
		evaluateCases: 40,
		uploadMb: 50
	},
	full: {
		levels: [
			{ concurrency: 1, rounds: 100 },
			{ concurrency: 20, rounds: 10 },
			{ concurrency: 100, rounds: 4 }
		],
		openStreams: 1000,
		healthSamples: 300,
		batchLines: 100_000,
		deltas: 100_000,
		scrollSteps: 200,
		evaluateCases: 200,
		uploadMb: 200
	}
} satisfies Record<BenchProfile, unknown>;

export async function runBench({
	profile,
	only = [...GROUPS],
	onGroupDone
}: BenchOptions): Promise<BenchRow[]> {
	const size = SIZES[profile];
	const rows: BenchRow[] = [];
	// Each group's wall time is reported, so a slow section is visible in the quick run's budget.
	const group = async (name: string, run: () => Promise<BenchRow[]>) => {
		const started = Date.now();
		rows.push(...(await run()));
		onGroupDone?.(name, (Date.now() - started) / 1000);
	};
	const server = only.filter((g) => g === 'proxy' || g === 'open-streams' || g === 'bundle');
	if (server.length) await group(server.join('+'), () => serverFigures(size, only));
	if (only.includes('batch-results'))
		await group('batch-results', () => batchResults({ lines: size.batchLines }));
	if (only.includes('browser'))
		await group('browser', () =>
			browserFigures({ deltas: size.deltas, scrollSteps: size.scrollSteps })
		);
	if (only.includes('evaluate'))
		await group('evaluate', () => evaluateGrid({ cases: size.evaluateCases }));
	if (only.includes('upload-load'))
		await group('upload-load', () =>
			uploadLoad({ megabytes: size.uploadMb, idleSamples: size.healthSamples })
		);
	return rows;
}

async function serverFigures(
	size: (typeof SIZES)[BenchProfile],
	only: BenchGroup[]
): Promise<BenchRow[]> {
	const upstream = await startChildServer(REPLAY_UPSTREAM);
	const floor = await startChildServer(FLOOR_PROXY, { UPSTREAM_URL: upstream.url });
	const app = await startApp({
		ANTHROPIC_API_KEY: 'bench-key',
		ANTHROPIC_BASE_URL: upstream.url,
		LOG_LEVEL: 'warn'
	});
	const rows: BenchRow[] = [];
	try {
		const sides: Omit<ProxyOptions, 'mode'> = {
			upstreamUrl: upstream.url,
			floorUrl: floor.url,
			appUrl: app.url,
			levels: size.levels
		};
		if (only.includes('proxy')) {
			rows.push(...(await proxyOverhead({ ...sides, mode: 'paced' })));
			rows.push(...(await proxyOverhead({ ...sides, mode: 'stress' })));
		}
		if (only.includes('open-streams'))
			rows.push(
				...(await openStreams({
					app,
					floor,
					streams: size.openStreams,
					healthSamples: size.healthSamples
				}))
			);
		if (only.includes('bundle')) rows.push(...(await bundleSizes({ appUrl: app.url })));
	} finally {
		await app.stop();
		await floor.stop();
		await upstream.stop();
	}
	return rows;
}
