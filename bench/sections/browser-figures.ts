import { startApp } from '../../tests/support/servers';
import { deltaStream } from '../lib/delta-stream';
import { startStandIn } from '../lib/stand-in';
import type { BenchRow } from '../lib/stats';
import { eventLogScroll } from './event-log-scroll';
import { streamRender } from './stream-render';

/**
 * The browser budgets (issue 10): an app in real-key mode pointed at a stand-in upstream that
 * sends a synthetic stream of 100,000 text deltas at once; the stream render and the event log.
 */
export async function browserFigures(o: {
	deltas: number;
	scrollSteps: number;
}): Promise<BenchRow[]> {
	const stream = deltaStream(o.deltas);
	const standIn = await startStandIn(stream);
	const app = await startApp({
		ANTHROPIC_API_KEY: 'x',
		ANTHROPIC_BASE_URL: standIn.url,
		LOG_LEVEL: 'warn'
	});
	try {
		return [
			...(await streamRender({ appUrl: app.url, standInUrl: standIn.url, stream })),
			...(await eventLogScroll({
				appUrl: app.url,
				standInUrl: standIn.url,
				stream,
				steps: o.scrollSteps
			}))
		];
	} finally {
		await app.stop();
		await standIn.close();
	}
}
