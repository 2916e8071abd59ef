import type { Page } from '@playwright/test';

/**
 * Installed with addInitScript, so the observer exists before any app code runs; `buffered`
 * also reports tasks that ran before it was registered.
 */
export const LONGTASK_OBSERVER = `
window.__longtasks = [];
new PerformanceObserver((list) => {
	for (const e of list.getEntries()) window.__longtasks.push([e.startTime, e.duration]);
}).observe({ type: 'longtask', buffered: true });
`;

export interface TaskStats {
	/** Longest main-thread task (0 when none was over 50 ms: the API reports only those). */
	longestMs: number;
	over50: number;
}

/** Long tasks that ended after `since` (page time, ms). Waits a moment: entries are delivered late. */
export async function longTasksSince(page: Page, since: number): Promise<TaskStats> {
	const tasks = await page.evaluate(async (t0) => {
		await new Promise((r) => setTimeout(r, 300));
		return ((window as unknown as { __longtasks: [number, number][] }).__longtasks ?? []).filter(
			([start, d]) => start + d >= t0
		);
	}, since);
	if (process.env.DEBUG_LONGTASKS)
		console.log(
			`long tasks (start from t0, ms): ${JSON.stringify(tasks.map(([s, d]) => [Math.round(s - since), Math.round(d)]))}`
		);
	return { longestMs: Math.max(0, ...tasks.map(([, d]) => d)), over50: tasks.length };
}

export function pageNow(page: Page): Promise<number> {
	return page.evaluate(() => performance.now());
}
