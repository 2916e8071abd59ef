import { expect, test } from '@playwright/test';
import { open } from './support';

test('shares a finished run from the playground, opens it elsewhere, forks it, and finds it in history', async ({
	page,
	browser
}) => {
	await open(page, '/');
	const prompt = `Share me ${Date.now()}`;
	await page.getByPlaceholder('Write a message…').first().fill(prompt);
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(page.getByTestId('run-status')).toHaveText('done');
	const answer = (await page.getByTestId('response-text').innerText()).slice(0, 40);

	await page.getByRole('button', { name: 'Share' }).click();
	const link = await page.getByLabel('Share link').inputValue();
	expect(link).toMatch(/\/p\/[A-Za-z0-9]{10}$/);

	// A fresh context: no local storage, no history; the link alone carries the run.
	const other = await browser.newContext();
	const shared = await other.newPage();
	await open(shared, new URL(link).pathname);
	await expect(shared.getByTestId('shared-request')).toContainText(prompt);
	await expect(shared.locator('main')).toContainText(answer);
	await shared.getByRole('link', { name: 'Open in playground' }).click();
	await shared.locator('html[data-hydrated="true"]').waitFor();
	await expect(shared.getByPlaceholder('Write a message…').first()).toHaveValue(prompt);
	await other.close();

	await open(page, '/history');
	await expect(page.locator('main')).toContainText(answer);
	await page.reload();
	await expect(page.locator('main')).toContainText(answer);
});
