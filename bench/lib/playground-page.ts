import type { Browser, Page } from '@playwright/test';
import { LONGTASK_OBSERVER } from './longtasks';

/** A fresh page with the long-task observer installed before any script runs. */
export async function observedPage(browser: Browser): Promise<Page> {
	const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
	await page.addInitScript(LONGTASK_OBSERVER);
	return page;
}

/** Opens the playground and waits for hydration, so Send reaches its handler. */
export async function openPlayground(page: Page, appUrl: string): Promise<void> {
	await page.goto(appUrl + '/');
	await page.locator('html[data-hydrated="true"]').waitFor();
}

/**
 * Types a prompt, clicks Send and resolves with the page times (ms) at which the click reached the
 * page (`sentAt`) and at which the run showed `done` and every part of the answer was rendered
 * (`doneAt`: no `[data-rendering]` left, markdown catches up in frames). The clock starts at the
 * click, as the naive page's starts at its call: typing the prompt and Playwright's actionability
 * checks before the click are the harness's time, not the page's.
 */
export async function sendAndWaitDone(page: Page): Promise<{ sentAt: number; doneAt: number }> {
	await page.getByLabel('Text of message 1 block 1').fill('Stream a lot');
	await page.evaluate(() =>
		document.addEventListener(
			'click',
			() => ((window as unknown as { __sentAt: number }).__sentAt = performance.now()),
			{ capture: true, once: true }
		)
	);
	await page.getByRole('button', { name: 'Send' }).click();
	const done = await page.waitForFunction(
		() =>
			document.querySelector('[data-testid="run-status"]')?.getAttribute('data-status') ===
				'done' && !document.querySelector('[data-testid="response-text"] [data-rendering]')
				? performance.now()
				: 0,
		undefined,
		{ polling: 'raf', timeout: 300_000 }
	);
	const doneAt = (await done.jsonValue()) as number;
	const sentAt = await page.evaluate(() => (window as unknown as { __sentAt: number }).__sentAt);
	return { sentAt, doneAt };
}

/**
 * Scrolls the event log's scroll container from top to bottom in `steps` jumps, one per
 * animation frame (as a fast wheel or a dragged scrollbar would), and returns the text of
 * the last app row rendered.
 */
export async function scrollLogThrough(page: Page, steps: number): Promise<string> {
	// The log's list loads lazily: wait until its rows fill a scroll container.
	await page.waitForFunction(() =>
		[...document.querySelectorAll<HTMLElement>('[data-testid="event-log"] div')].some(
			(d) => d.scrollHeight > d.clientHeight + 10
		)
	);
	return page.evaluate(async (n) => {
		const log = document.querySelector('[data-testid="event-log"]')!;
		const scroller = [...log.querySelectorAll<HTMLElement>('div')].find(
			(d) => d.scrollHeight > d.clientHeight + 10
		);
		if (!scroller) throw new Error('event log is not scrollable');
		const frame = () => new Promise((r) => requestAnimationFrame(r));
		for (let i = 0; i <= n; i++) {
			scroller.scrollTop = ((scroller.scrollHeight - scroller.clientHeight) * i) / n;
			await frame();
		}
		await frame();
		return [...log.querySelectorAll('[data-testid="event-row"]')].at(-1)?.textContent ?? '';
	}, steps);
}
