import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { open } from './support';

// The playground's request, as the editor's draft, with placeholders: the create page starts from it.
const TEMPLATE = {
	model: 'claude-haiku-4-5-20251001',
	max_tokens: '{{max_tokens}}',
	stream: true,
	messages: [{ role: 'user', content: 'Write a haiku about {{topic}}, "quoted", for {{name}}.' }]
};
/** Rows whose max_tokens is above the model's 64000 limit: the simulator answers them as errored. */
const TOO_BIG = new Set([7, 19, 33]);

function csv(rows: number, bad: Set<number> = TOO_BIG): string {
	const lines = ['id,topic,name,max_tokens'];
	for (let i = 1; i <= rows; i++)
		lines.push(`item-${i},"rain, then sun\nin line ${i}",Ann ${i},${bad.has(i) ? 70000 : 40}`);
	return lines.join('\n') + '\n';
}

async function startBatch(page: Page, label: string, rows: string): Promise<string> {
	await page.addInitScript(
		(json) =>
			localStorage.setItem('playground:draft:v1', JSON.stringify({ json, betas: [], fault: '' })),
		JSON.stringify(TEMPLATE, null, 2)
	);
	await open(page, '/batches/new');
	await expect(page.getByTestId('template-variables').locator('code')).toHaveText([
		'max_tokens',
		'topic',
		'name'
	]);
	await expect(page.getByLabel('Request template')).not.toHaveValue(/"stream"/);
	await page
		.getByLabel('Rows file')
		.setInputFiles({ name: 'rows.csv', mimeType: 'text/csv', buffer: Buffer.from(rows) });
	await page.getByLabel('custom_id column').selectOption('id');
	await expect(page.getByTestId('request-preview').first()).toContainText(
		'{"custom_id":"item-1","params":{"model":"claude-haiku-4-5-20251001","max_tokens":40,'
	);
	await page.getByLabel('Batch label').fill(label);
	await page.getByRole('button', { name: /^Create batch/ }).click();
	await page.waitForURL(/\/batches\/msgbatch_/);
	return page.url().split('/').pop()!;
}

test('creates a batch from a template and a 50-row CSV, follows it and reads its results', async ({
	page
}) => {
	test.slow(); // a whole batch lifecycle on two shared cores
	const label = `haiku run ${Date.now()}`;
	const id = await startBatch(page, label, csv(50));
	await expect(page.getByTestId('batch-title')).toHaveText(label);
	await expect(page.getByTestId('batch-status')).toHaveText('ended');
	await expect(page.getByTestId('count-succeeded')).toHaveText('47');
	await expect(page.getByTestId('count-errored')).toHaveText('3');

	await expect(page.getByTestId('results-loaded')).toHaveText('50 results loaded');
	await expect(page.getByTestId('shown-count')).toHaveText('50 shown');
	await expect(page.getByTestId('summary-errored')).toHaveText('3');

	await page.getByLabel('Filter by result type').selectOption('errored');
	await expect(page.getByTestId('shown-count')).toHaveText('3 shown');
	await expect(page.getByTestId('result-custom-id')).toHaveText(['item-7', 'item-19', 'item-33']);
	await page.getByTestId('result-row').first().click();
	await expect(page.getByTestId('result-error')).toContainText('max_tokens: 70000 > 64000');

	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export CSV' }).click();
	const file = readFileSync((await (await download).path())!, 'utf8')
		.trim()
		.split('\r\n');
	expect(file[0]).toBe(
		'line,custom_id,result_type,stop_reason,input_tokens,output_tokens,first_line'
	);
	expect(file.slice(1).map((l) => l.split(',').slice(1, 3).join(','))).toEqual([
		'item-7,errored',
		'item-19,errored',
		'item-33,errored'
	]);

	await page.getByLabel('Filter by result type').selectOption('all');
	await page.getByLabel('Search results').fill('item-12');
	await expect(page.getByTestId('shown-count')).toHaveText('1 shown');
	await page.getByTestId('result-row').first().click();
	await expect(page.getByTestId('result-markdown')).not.toBeEmpty();
	await expect(page.getByTestId('open-request')).toHaveAttribute(
		'href',
		`/?load=${encodeURIComponent(`batch-request:${id}:item-12`)}`
	);
	await page.getByTestId('open-request').click();
	// The playground drops load= from the URL once loaded, so a reload cannot load it again.
	await page.waitForURL((url) => url.pathname === '/');
	// The playground saves what it loaded as its draft: row 12's request, placeholders filled.
	await expect
		.poll(() => page.evaluate(() => localStorage.getItem('playground:draft:v1') ?? ''))
		.toContain('for Ann 12.');

	await open(page, '/batches');
	const row = page.locator(`[data-testid="batch-row"][data-id="${id}"]`);
	await expect(row).toContainText(label);
	await expect(row.getByTestId('batch-creator')).toHaveText('anonymous');
	await expect(row.getByTestId('batch-status')).toHaveText('ended');
});

test('cancels a running batch after confirmation and shows canceled counts', async ({ page }) => {
	test.slow(); // 3000 rows, so the batch is surely still running when Cancel is clicked
	await startBatch(page, `cancel me ${Date.now()}`, csv(3000, new Set()));
	await page.getByRole('button', { name: 'Cancel batch…' }).click();
	await page.getByRole('button', { name: 'Yes, cancel batch' }).click();
	await expect(page.getByTestId('batch-status')).toHaveText('ended');
	await expect
		.poll(async () => Number(await page.getByTestId('count-canceled').textContent()))
		.toBeGreaterThan(0);
	await expect(page.getByTestId('results-loaded')).toHaveText('3000 results loaded');
	await page.getByLabel('Filter by result type').selectOption('canceled');
	await expect(page.getByTestId('shown-count')).toHaveText(
		`${await page.getByTestId('count-canceled').textContent()} shown`
	);
});

test('refuses a CSV with bad rows, naming their lines, until they are excluded', async ({
	page
}) => {
	await open(page, '/batches/new');
	await page.getByLabel('Request template').fill(
		JSON.stringify({
			model: 'claude-haiku-4-5-20251001',
			max_tokens: '{{n}}',
			messages: [{ role: 'user', content: '{{q}}' }]
		})
	);
	const rows = ['id,q,n', 'a,hello,10', 'b,hello,ten', 'a,again,10', 'd e,x,5', 'ok,fine,5'].join(
		'\n'
	);
	await page
		.getByLabel('Rows file')
		.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(rows) });
	await page.getByLabel('custom_id column').selectOption('id');
	await expect(page.getByTestId('bad-count')).toHaveText('3');
	await expect(page.getByTestId('bad-rows').locator('li')).toHaveText([
		/^line 3: params: max_tokens/,
		'line 4: duplicate custom_id "a" (first on line 2)',
		/^line 5: custom_id "d e"/
	]);
	const create = page.getByRole('button', { name: /^Create batch/ });
	await expect(create).toBeDisabled();
	await expect(page.getByTestId('blocked-reason')).toHaveText(
		'3 bad rows: fix them or exclude them.'
	);
	await page.getByLabel(/Exclude the bad rows/).check();
	await expect(create).toBeEnabled();
	await expect(create).toHaveText('Create batch (2 requests)');
});
