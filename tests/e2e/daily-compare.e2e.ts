import { expect, test } from '@playwright/test';
import { open } from './support';

test('a 3-column compare streams all columns with Ctrl+Enter and survives a reload', async ({
	page
}) => {
	await open(page, '/compare');
	await expect(page.getByRole('button', { name: 'Stop' })).toBeDisabled();
	await page.getByRole('button', { name: 'Add column' }).click();
	const sides = page.getByTestId('compare-side');
	await expect(sides).toHaveCount(3);
	await page.getByLabel('Prompt', { exact: true }).fill('Hello, compare these three');
	await page.getByLabel('System prompt C').fill('Answer like a pirate');
	await page.getByLabel('Prompt', { exact: true }).press('Control+Enter');
	for (const i of [0, 1, 2]) {
		await expect(sides.nth(i).getByTestId('compare-status')).toHaveText('done');
		await expect(sides.nth(i).getByTestId('compare-text')).toContainText('Hello!');
	}
	await expect(page.getByRole('button', { name: 'Stop' })).toBeDisabled();
	const answers = await sides
		.getByTestId('compare-text')
		.getByTestId('response-text')
		.allInnerTexts();

	await page.reload();
	await page.locator('html[data-hydrated="true"]').waitFor();
	await expect(sides).toHaveCount(3);
	await expect(page.getByLabel('Prompt', { exact: true })).toHaveValue(
		'Hello, compare these three'
	);
	await expect(page.getByLabel('System prompt C')).toHaveValue('Answer like a pirate');
	expect(
		await sides.getByTestId('compare-text').getByTestId('response-text').allInnerTexts()
	).toEqual(answers);
});
