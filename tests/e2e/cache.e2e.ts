import { expect, test } from '@playwright/test';
import { open } from './support';

test('shows a cache write on the first run and a cache read with savings on the repeat', async ({
	page
}) => {
	await open(page, '/');
	// Above Claude 3.5 Haiku's 2,048-token minimum, unique per run so no earlier test warmed the cache.
	const system =
		`Run ${Date.now()}. ` + Array.from({ length: 1600 }, (_, i) => `rule${i} applies.`).join(' ');
	await page.getByPlaceholder('You are a helpful assistant…').fill(system);
	await page.getByRole('button', { name: 'Cache breakpoint: system block 1' }).click();
	await page.getByPlaceholder('Write a message…').first().fill('Summarise the rules.');

	await page.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(page.getByTestId('run-status')).toHaveText('done');
	await expect(page.getByText('Cache written')).toBeVisible();
	const written = Number(
		(await page.getByTestId('usage-cache-write').innerText()).replace(/,/g, '')
	);
	expect(written).toBeGreaterThan(2048);
	await expect(page.getByTestId('usage-cache-read')).toHaveText('0');

	await page.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(page.getByTestId('cache-hit')).toBeVisible();
	await expect(page.getByTestId('usage-cache-read')).toHaveText(written.toLocaleString('en'));
	await expect(page.getByTestId('usage-cache-write')).toHaveText('0');
	await expect(page.getByText(/saved \$/)).toBeVisible();
});
