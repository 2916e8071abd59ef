import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { GATED_URL } from '../../playwright.config';
import { open } from './support';

// Every page a person can reach, each checked on a phone and a tablet, in both themes.
const REQUEST = {
	model: 'claude-haiku-4-5-20251001',
	max_tokens: 200,
	messages: [{ role: 'user', content: 'List two fruits' }]
};

async function pagePaths(page: Page): Promise<string[]> {
	const run = await page.request.post('/api/v1/messages', { data: REQUEST });
	const message = await run.json();
	const events = [{ event: 'message_stop', data: '{"type":"message_stop"}', at: 42 }];
	const res = await page.request.post('/api/permalinks', {
		data: { request: REQUEST, result: { message, events } }
	});
	const { id } = await res.json();
	const batch = await page.request.post('/api/v1/messages/batches', {
		data: { requests: [{ custom_id: 'fruit-1', params: REQUEST }] }
	});
	const batchId = (await batch.json()).id;
	const column = (label: string) => ({
		label,
		api_version: '2023-06-01',
		request: REQUEST,
		result: { message, error: null }
	});
	const comparison = await page.request.post('/api/permalinks', {
		data: { kind: 'comparison', prompt: 'List two fruits', columns: [column('A'), column('B')] }
	});
	const prompt = await page.request.post('/api/prompts', {
		data: { name: 'Fruit list', request: REQUEST }
	});
	const pages = [
		'/',
		'/compare',
		'/history',
		'/prompts',
		'/batches',
		'/batches/new',
		`/batches/${batchId}`
	];
	return [
		...pages,
		`/prompts/${(await prompt.json()).id}`,
		'/settings',
		`/p/${id}`,
		`/p/${(await comparison.json()).id}`,
		`${GATED_URL}/login`
	];
}

async function setTheme(page: Page, theme: 'light' | 'dark') {
	await page.addInitScript((t) => localStorage.setItem('theme', t), theme);
}

/** axe-core's WCAG AA colour-contrast rule; returns one line per failing element. */
async function contrastFailures(page: Page): Promise<string[]> {
	const { violations } = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
	return violations.flatMap((v) =>
		v.nodes.map((n) => `${n.target.join(' ')}: ${n.any[0]?.message ?? ''}`)
	);
}

/** A finished run, so the answer, usage and event numbers are on screen when measured. */
async function sendAndOpenEvents(page: Page) {
	await page.getByLabel('Text of message 1 block 1').fill('List two fruits');
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(page.getByTestId('run-status')).toHaveText('done');
	await expect(page.getByTestId('event-row').first()).toBeVisible();
}

for (const theme of ['light', 'dark'] as const) {
	test(`every page meets WCAG AA colour contrast in the ${theme} theme`, async ({ page }) => {
		test.setTimeout(90_000);
		await setTheme(page, theme);
		const report: string[] = [];
		for (const path of await pagePaths(page)) {
			await open(page, path);
			if (path === '/') await sendAndOpenEvents(page);
			const failures = await contrastFailures(page);
			report.push(
				`${theme} ${path.replace(GATED_URL, '(gated)')}: ${failures.length} contrast failures`
			);
			report.push(...failures.map((f) => `  ${f}`));
		}
		console.log(report.join('\n'));
		expect(report.filter((line) => line.startsWith('  '))).toEqual([]);
	});
}

for (const width of [390, 768]) {
	test(`at ${width} px no page scrolls sideways and each has one h1`, async ({ page }) => {
		test.setTimeout(60_000);
		await page.setViewportSize({ width, height: 844 });
		const report: string[] = [];
		for (const path of await pagePaths(page)) {
			await open(page, path);
			// Pages that load their data after hydrating (a batch) render their heading then.
			await page.locator('h1').first().waitFor({ state: 'attached' });
			const { scrollWidth, h1s } = await page.evaluate(() => ({
				scrollWidth: document.documentElement.scrollWidth,
				h1s: document.querySelectorAll('h1').length
			}));
			report.push(`${path.replace(GATED_URL, '(gated)')}: scrollWidth ${scrollWidth}, h1 ${h1s}`);
		}
		console.log(`${width} px\n${report.join('\n')}`);
		expect(report).toEqual(
			report.map((line) => line.replace(/scrollWidth \d+, h1 \d+/, `scrollWidth ${width}, h1 1`))
		);
	});
}

test('the login page shows no app navigation', async ({ page }) => {
	await page.goto(`${GATED_URL}/login`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByRole('navigation')).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'History' })).toHaveCount(0);
});

test('on a phone the navigation is a menu and the playground switches request and response by tabs', async ({
	page
}) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await open(page, '/');
	await expect(page.getByRole('link', { name: 'History' })).toBeHidden();
	await page.getByRole('button', { name: 'Menu' }).click();
	await expect(page.getByRole('link', { name: 'History' })).toBeVisible();
	await page.getByRole('button', { name: 'Menu' }).click();

	await expect(page.getByRole('tab', { name: 'Request' })).toHaveAttribute('aria-selected', 'true');
	await page.getByLabel('Text of message 1 block 1').fill('Hello');
	await page.getByRole('tab', { name: 'Response' }).click();
	await expect(page.getByLabel('Text of message 1 block 1')).toBeHidden();
	await expect(page.getByTestId('response-text')).toBeVisible();
	await page.getByRole('tab', { name: 'Request' }).click();
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	// Sending shows the answer: the response tab comes to the front by itself.
	await expect(page.getByRole('tab', { name: 'Response' })).toHaveAttribute(
		'aria-selected',
		'true'
	);
	await expect(page.getByTestId('response-text')).toContainText('Hello!');
});

test('every control shows a visible focus ring when reached by keyboard', async ({ page }) => {
	await open(page, '/');
	const missing: string[] = [];
	for (let i = 0; i < 25; i++) {
		await page.keyboard.press('Tab');
		const info = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			if (!el || el === document.body) return null;
			const s = getComputedStyle(el);
			const ring = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
			return {
				ring: ring || s.boxShadow !== 'none',
				name: `${el.tagName} ${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30)}`
			};
		});
		if (info && !info.ring) missing.push(info.name);
	}
	expect(missing).toEqual([]);
});
