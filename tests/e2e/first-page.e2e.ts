import { expect, test } from '@playwright/test';
import { open } from './support';

test('streams an answer from the simulator when a prompt is sent', async ({ page }) => {
	await open(page, '/');
	await expect(page.getByTestId('upstream-badge')).toHaveText('Simulator');
	await page.getByLabel('Text of message 1 block 1').fill('Hello');
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	const response = page.getByTestId('response-text');
	await expect(response).toContainText('Hello!');
	await expect(page.getByTestId('run-status')).toHaveText('done');
	await expect(response).toContainText(/\.\s*$/);
});
