import { describe, expect, it } from 'vitest';
import { formatMs, TimingTracker } from '$lib/response/timings';

describe('TimingTracker', () => {
	it('reports nothing before anything arrived', () => {
		const t = new TimingTracker().snapshot(null);
		expect(t).toEqual({
			ttfb: null,
			ttft: null,
			total: null,
			outputTokens: 0,
			isEstimate: true,
			tokensPerSecond: null,
			points: []
		});
	});

	it('estimates tokens from characters until the API reports them, then scales to the real count', () => {
		const tr = new TimingTracker();
		tr.markHeaders(100);
		tr.markHeaders(999); // only the first counts
		tr.markDelta(200, 40);
		tr.markDelta(1200, 40);
		const live = tr.snapshot(null);
		expect(live).toMatchObject({
			ttfb: 100,
			ttft: 200,
			total: null,
			outputTokens: 20,
			isEstimate: true,
			tokensPerSecond: 20
		});
		tr.markEnd(2200);
		const done = tr.snapshot(100);
		expect(done).toMatchObject({
			total: 2200,
			outputTokens: 100,
			isEstimate: false,
			tokensPerSecond: 50
		});
		expect(done.points).toEqual([
			[200, 50],
			[1200, 100]
		]);
	});

	it('keeps the chart small for huge streams and ends on the last point', () => {
		const tr = new TimingTracker();
		for (let i = 0; i < 100_000; i++) tr.markDelta(i, 1);
		const { points } = tr.snapshot(null);
		expect(points.length).toBeLessThanOrEqual(121);
		expect(points.at(-1)).toEqual([99_999, 25_000]);
		expect(points.every((p, i) => i === 0 || p[0] > points[i - 1][0])).toBe(true);
	});
});

describe('formatMs', () => {
	it('uses ms below a second and seconds above', () => {
		expect(formatMs(null)).toBe('—');
		expect(formatMs(12.4)).toBe('12 ms');
		expect(formatMs(1534)).toBe('1.53 s');
	});
});
