import type { Page } from '@playwright/test';

/** Opens a page and waits until Svelte has hydrated it, so clicks reach their handlers. */
export async function open(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await page.locator('html[data-hydrated="true"]').waitFor();
}
