import { expect, test } from '@playwright/test';
import { gateStreams } from './stream-gate';
import { open } from './support';

test('history keeps a stopped run and Open restores its request and partial answer', async ({
	page
}) => {
	const gate = await gateStreams(page);
	await open(page, '/');
	await page
		.getByLabel('Text of message 1 block 1')
		.fill('Tell a very long story about a lighthouse keeper and the sea, in many paragraphs');
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	await gate.release(5);
	const response = page.getByTestId('response-text');
	await expect(response).not.toContainText('The answer shows here.');
	await page.getByRole('button', { name: 'Stop', exact: true }).click();
	await expect(page.getByTestId('run-status')).toHaveText('stopped');
	const partial = (await response.innerText()).trim();
	expect(partial.length).toBeGreaterThan(0);
	// The run is written to IndexedDB after it ends; leaving the page first would abort the write.
	// (Only opened once the app has created it, so the probe never makes an empty database.)
	await expect
		.poll(() =>
			page.evaluate(async () => {
				const names = (await indexedDB.databases()).map((d) => d.name);
				if (!names.includes('messages-playground')) return 0;
				return new Promise<number>((resolve) => {
					const req = indexedDB.open('messages-playground');
					req.onsuccess = () => {
						const db = req.result;
						if (!db.objectStoreNames.contains('runs')) return resolve((db.close(), 0));
						const count = db.transaction('runs').objectStore('runs').count();
						count.onsuccess = () => resolve((db.close(), count.result));
					};
					req.onerror = () => resolve(0);
				});
			})
		)
		.toBeGreaterThan(0);

	await open(page, '/history');
	const row = page.getByTestId('history-entry').first();
	await expect(row).toHaveAttribute('data-status', 'stopped');
	await expect(row.getByTestId('history-prompt')).toHaveText(
		/^Tell a very long story about a lighthouse keeper/
	);
	await page.getByLabel('Filter by outcome').selectOption('done');
	await expect(page.getByTestId('history-entry')).toHaveCount(0);
	await page.getByLabel('Filter by outcome').selectOption('stopped');
	await expect(page.getByTestId('history-entry')).toHaveCount(1);

	await page.getByTestId('history-entry').getByRole('link', { name: /^Open/ }).click();
	await expect(page.getByLabel('Text of message 1 block 1')).toHaveValue(/lighthouse keeper/);
	const restored = page.getByTestId('restored-answer');
	await expect(restored).toBeVisible();
	await expect(restored.getByTestId('response-text')).toContainText(partial.slice(0, 40));
});

test('a spinner says "waiting for the first byte" before the stream starts', async ({ page }) => {
	await open(page, '/');
	await page.getByLabel('Text of message 1 block 1').fill('Hello');
	await page.getByPlaceholder('none').fill('slow:1500');
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(page.getByTestId('waiting-first-byte')).toHaveText(/Waiting for the first byte/);
	await expect(page.getByTestId('response-text')).toContainText('Hello!');
	await expect(page.getByTestId('waiting-first-byte')).toHaveCount(0);
});
