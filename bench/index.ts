// The benchmark sections, run together. `bench/run.ts` is the command; the smoke test imports this.
import { createSimulator } from '../src/lib/server/simulator/app';
import { serveSimulator } from '../src/lib/server/simulator/node-server';
import { startApp } from '../tests/support/servers';
import { batchResults } from './sections/batch-results';
import { browserFigures } from './sections/browser-figures';
import { bundleSizes } from './sections/bundle';
import { proxyOverhead } from './sections/proxy';
import { heldStreams } from './sections/server-memory';
import type { BenchRow } from './lib/stats';

export interface BenchOptions {
	smoke: boolean;
}

export async function runBench({ smoke }: BenchOptions): Promise<BenchRow[]> {
	const simulator = await serveSimulator(createSimulator({ tokensPerSecond: smoke ? 0 : 200, seed: 'bench' }), 0);
	const address = simulator.address();
	const simulatorUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
	const app = await startApp({ ANTHROPIC_API_KEY: 'bench-key', ANTHROPIC_BASE_URL: simulatorUrl, LOG_LEVEL: 'warn' });
	const rows: BenchRow[] = [];
	try {
		rows.push(
			...(await proxyOverhead({
				simulatorUrl,
				appUrl: app.url,
				concurrency: smoke ? [1, 2] : [1, 20],
				samples: smoke ? 2 : 60,
				maxTokens: smoke ? 20 : 200,
				latencyMs: smoke ? 0 : 300
			}))
		);
		rows.push(...(await heldStreams({ appUrl: app.url, appPid: app.pid, streams: smoke ? 3 : 100, holdMs: smoke ? 200 : 3000 })));
		rows.push(...(await bundleSizes({ appUrl: app.url })));
		rows.push(...(await batchResults({ lines: smoke ? 2000 : 100_000 })));
	} finally {
		await app.stop();
		await new Promise((r) => simulator.close(r));
	}
	rows.push(...(await browserFigures({ smoke })));
	return rows;
}
