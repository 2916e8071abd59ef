import { expect, test } from '@playwright/test';
import { GATED_PASSCODE, GATED_URL } from '../../playwright.config';

test('signs in with the team passcode, shows the user, and signs out', async ({ page }) => {
	await page.goto(GATED_URL + '/history');
	await expect(page).toHaveURL(/\/login\?next=%2Fhistory$/);
	// A click before hydration can be lost while the form is being enhanced.
	await page.locator('html[data-hydrated="true"]').waitFor();
	await page.getByLabel('Your name').fill('Ada');
	await page.getByLabel('Passcode', { exact: true }).fill('not the passcode');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toHaveText('Wrong passcode.');
	await page.getByLabel('Passcode', { exact: true }).fill(GATED_PASSCODE);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(GATED_URL + '/history');
	// The team passcode signs in guests only, marked as such.
	await expect(page.getByTestId('user-name')).toHaveText('Ada (guest)');
	const api = await page.request.get(GATED_URL + '/api/v1/models');
	expect(api.status()).toBe(200);
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL(/\/login$/);
	const after = await page.request.get(GATED_URL + '/api/v1/models');
	expect(after.status()).toBe(401);
});
