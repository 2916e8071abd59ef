import { expect, test } from '@playwright/test';
import { open } from './support';

test('a saved prompt gets a second version, shows the diff, and the first version reopens', async ({
	page
}) => {
	const name = `Triage ${Date.now()}`;
	const text = page.getByLabel('Text of message 1 block 1');
	await open(page, '/');
	await text.fill('First wording of the prompt');
	await page.getByRole('button', { name: 'Save prompt' }).click();
	await page.getByLabel('Prompt name').fill(name);
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByTestId('prompt-saved')).toHaveText(`Saved “${name}” as version 1.`);
	await page.getByRole('button', { name: 'Close' }).click();

	await text.fill('Second wording of the prompt');
	await page.getByRole('button', { name: 'Save prompt' }).click();
	await page.getByRole('button', { name: 'Save new version' }).click();
	await expect(page.getByTestId('prompt-saved')).toHaveText(`Saved “${name}” as version 2.`);
	await page.getByRole('button', { name: 'Close' }).click();

	await open(page, '/prompts');
	await page.getByLabel('Search prompts').fill(name);
	const row = page.getByTestId('prompt-row');
	await expect(row).toHaveCount(1);
	await expect(row).toContainText('v2');
	await expect(row).toContainText('anonymous');
	await row.getByRole('link', { name }).click();

	await expect(page.getByTestId('prompt-version')).toHaveCount(2);
	const diff = page.getByTestId('version-diff');
	await expect(diff.locator('del')).toContainText('First wording of the prompt');
	await expect(diff.locator('ins')).toContainText('Second wording of the prompt');
	await page.getByRole('link', { name: 'Open version 1' }).click();
	await expect(text).toHaveValue('First wording of the prompt');
	await expect(page).toHaveURL(/\/$/);
	// The old draft (version 2's wording) is one Undo away.
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(text).toHaveValue('Second wording of the prompt');
});

test('the prompts API answers bad input with the API error shape', async ({ page }) => {
	const res = await page.request.post('/api/prompts', { data: { name: '', request: {} } });
	expect(res.status()).toBe(400);
	expect(await res.json()).toMatchObject({
		type: 'error',
		error: { type: 'invalid_request_error' }
	});
	const missing = await page.request.get('/api/prompts/AAAAAAAAAAAA');
	expect(missing.status()).toBe(404);
});

test('a saved prompt is renamed, then deleted after a confirmation', async ({ page }) => {
	const name = `Rename me ${Date.now()}`;
	const created = await page.request.post('/api/prompts', {
		data: { name, request: { model: 'claude-sonnet-4-5', max_tokens: 10, messages: [] } }
	});
	const { id } = await created.json();
	await open(page, `/prompts/${id}`);
	await page.getByRole('button', { name: 'Rename' }).click();
	await page.getByLabel('New name').fill(`${name} (renamed)`);
	await page.getByRole('button', { name: 'Save name' }).click();
	await expect(page.getByTestId('prompt-name')).toHaveText(`${name} (renamed)`);
	await expect(page.getByTestId('prompt-version')).toHaveCount(2);
	await expect(page.getByTestId('version-unchanged')).toHaveText(
		`Renamed from “${name}”; the request is unchanged.`
	);

	await page.getByRole('button', { name: 'Delete…' }).click();
	const confirm = page.getByRole('alertdialog', { name: 'Delete this prompt?' });
	await expect(confirm).toContainText('its 2 versions');
	await confirm.getByRole('button', { name: 'Keep it' }).click();
	await expect(page.getByTestId('prompt-name')).toBeVisible();
	await page.getByRole('button', { name: 'Delete…' }).click();
	await confirm.getByRole('button', { name: 'Delete for good' }).click();
	await expect(page).toHaveURL(/\/prompts$/);
	await page.getByLabel('Search prompts').fill(name);
	await expect(page.getByTestId('prompt-list')).toContainText('No prompt matches.');
	const gone = await page.request.delete(`/api/prompts/${id}`);
	expect(gone.status()).toBe(404);
	expect(await gone.json()).toMatchObject({ type: 'error', error: { type: 'not_found_error' } });
	const bad = await page.request.patch(`/api/prompts/${id}`, { data: { name: '' } });
	expect(bad.status()).toBe(400);
});
