import { expect, test, type Page } from '@playwright/test';
import { GATED_ADMIN, GATED_PASSCODE, GATED_URL } from '../../playwright.config';

/** Signs in on the login page (waiting for hydration, so the click is not lost). */
async function signIn(page: Page, name: string, secret: string) {
	await page.goto(GATED_URL + '/login');
	await page.locator('html[data-hydrated="true"]').waitFor();
	await page.getByLabel('Your name').fill(name);
	await page.getByLabel('Passcode', { exact: true }).fill(secret);
	await page.getByRole('button', { name: 'Sign in' }).click();
}

async function signOut(page: Page) {
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL(/\/login$/);
}

test('an invite link sets a secret; the name then signs in only with it, not the team passcode', async ({
	browser
}) => {
	const adminPage = await (await browser.newContext()).newPage();
	await signIn(adminPage, GATED_ADMIN.name, GATED_ADMIN.secret);
	await expect(adminPage.getByTestId('user-name')).toHaveText(GATED_ADMIN.name);
	await adminPage.goto(GATED_URL + '/admin');
	await adminPage.locator('html[data-hydrated="true"]').waitFor();
	await adminPage.getByLabel('Name', { exact: true }).fill('Zoe');
	await adminPage.getByRole('button', { name: 'Create invite link' }).click();
	const link = await adminPage.getByLabel('Invite link').inputValue();
	expect(link).toMatch(new RegExp(`^${GATED_URL}/invite/[\\w-]{43}$`));
	await expect(adminPage.getByRole('region', { name: 'Invites' })).toContainText('pending');

	const zoe = await (await browser.newContext()).newPage();
	await zoe.goto(link);
	await zoe.locator('html[data-hydrated="true"]').waitFor();
	await expect(zoe.getByRole('heading', { name: 'Welcome, Zoe' })).toBeVisible();
	// Like the login page, the invite page is outside the app: no navigation yet.
	await expect(zoe.getByRole('button', { name: 'Menu' })).toHaveCount(0);
	await zoe.getByLabel('Your new secret').fill('zoe own secret');
	await zoe.getByLabel('Repeat the secret').fill('zoe own secret');
	await zoe.getByRole('button', { name: 'Set my secret' }).click();
	await expect(zoe).toHaveURL(GATED_URL + '/');
	await expect(zoe.getByTestId('user-name')).toHaveText('Zoe');

	// The link worked once.
	await zoe.goto(link);
	await expect(zoe.getByText('already been used')).toBeVisible();

	await zoe.goto(GATED_URL + '/history');
	await signOut(zoe);
	await signIn(zoe, 'zoe', 'zoe own secret');
	await expect(zoe.getByTestId('user-name')).toHaveText('Zoe');
	await signOut(zoe);
	// The team passcode no longer takes the name (it did before the invite: guests).
	await signIn(zoe, 'Zoe', GATED_PASSCODE);
	await expect(zoe.getByRole('alert')).toHaveText('Wrong passcode.');
	await signIn(zoe, 'Yann', GATED_PASSCODE);
	await expect(zoe.getByTestId('user-name')).toHaveText('Yann (guest)');

	await adminPage.reload();
	await expect(adminPage.getByRole('region', { name: 'Users' })).toContainText(
		'own secret (invite)'
	);
});

test('the admin view fits a 390 px phone: wide tables scroll in their own box', async ({
	browser
}) => {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const page = await context.newPage();
	await signIn(page, GATED_ADMIN.name, GATED_ADMIN.secret);
	await expect(page.getByTestId('user-name')).toHaveText(GATED_ADMIN.name);
	await page.goto(GATED_URL + '/admin');
	await expect(page.getByRole('heading', { name: 'Admin', level: 1 })).toBeVisible();
	const widths = await page.evaluate(() => ({
		page: document.documentElement.scrollWidth,
		view: window.innerWidth,
		sessions: document.querySelector('[role="region"][aria-labelledby="sessions"]')!.scrollWidth
	}));
	expect(widths.page).toBeLessThanOrEqual(widths.view);
	// The sessions table (user, address, two times) is wider than the phone: it scrolls inside.
	expect(widths.sessions).toBeGreaterThan(widths.view);
});
