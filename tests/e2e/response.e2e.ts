import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { open } from './support';
import { gateStreams } from './stream-gate';

async function sendHello(page: Page) {
	await page.getByPlaceholder('Write a message…').first().fill('Hello');
	await page.getByRole('button', { name: 'Send', exact: true }).click();
}

/** Adds `x-simulator-fault` to the page's next message requests (set here so the test controls exactly which). */
async function withFault(page: Page, fault: string) {
	await page.route('**/api/v1/messages', (route) =>
		route.continue({ headers: { ...route.request().headers(), 'x-simulator-fault': fault } })
	);
}

const answer = (page: Page) => page.getByTestId('response-text').locator('.md');
const status = (page: Page) => page.getByTestId('run-status');
const loggedTypes = (page: Page) =>
	page.getByTestId('event-log').getByTestId('event-type').allTextContents();

test('shows text growing while the event log fills in order when a stream arrives', async ({
	page
}) => {
	const gate = await gateStreams(page);
	await open(page, '/');
	await sendHello(page);
	await gate.release(4);
	await expect(answer(page)).toHaveText(/\S/);
	await expect(status(page)).toHaveText('streaming');
	// The event log's list loads lazily, so it may show a moment after the answer's first text.
	await expect
		.poll(() => loggedTypes(page))
		.toEqual(['message_start', 'content_block_start', 'ping', 'content_block_delta']);
	const early = (await answer(page).textContent())!.trim();

	await gate.release(3);
	await expect(page.getByTestId('count-content_block_delta')).toHaveText('4');
	await expect
		.poll(async () => (await answer(page).textContent())!.trim().length)
		.toBeGreaterThan(early.length);
	expect((await answer(page).textContent())!.trim().startsWith(early)).toBe(true);
	await expect(status(page)).toHaveText('streaming');

	await gate.release();
	await expect(status(page)).toHaveText('done');
	await expect(answer(page)).toContainText("Hello! I'm the playground simulator");
	await expect(page.getByTestId('stop-reason')).toContainText('end_turn');
	// Hide the deltas so every other event fits on screen, and check the whole sequence.
	await page.getByRole('button', { name: /^content_block_delta \d+$/ }).click();
	await expect
		.poll(() => loggedTypes(page))
		.toEqual([
			'message_start',
			'content_block_start',
			'ping',
			'content_block_stop',
			'message_delta',
			'message_stop'
		]);
	await expect(page.getByTestId('usage-output')).not.toHaveText('0');
	await expect(page.getByTestId('timing-total')).not.toHaveText('—');
});

test('keeps the partial answer when Stop is clicked mid-stream', async ({ page }) => {
	const gate = await gateStreams(page);
	await open(page, '/');
	await sendHello(page);
	await gate.release(5);
	await expect(page.getByTestId('count-content_block_delta')).toHaveText('2');
	const partial = (await answer(page).textContent())!.trim();
	await page.getByRole('button', { name: 'Stop', exact: true }).click();
	await expect(status(page)).toHaveText('stopped');
	await gate.release();
	await expect(answer(page)).toHaveText(partial);
	await expect(page.getByTestId('count-message_stop')).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Add reply to conversation' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Send' })).toBeEnabled();
});

test('shows status, type, message and request-id of an overloaded error, and retries', async ({
	page
}) => {
	await withFault(page, 'overloaded');
	await open(page, '/');
	await sendHello(page);
	const panel = page.getByTestId('error-panel');
	await expect(panel.getByTestId('error-status')).toHaveText('529');
	await expect(panel.getByTestId('error-type')).toHaveText('overloaded_error');
	await expect(panel.getByTestId('error-message')).toHaveText('Overloaded');
	await expect(panel.getByTestId('error-request-id')).toHaveText(/^req_\w+/);
	await expect(panel.getByTestId('error-retry-after')).toHaveText('in 1 s');
	await expect(status(page)).toHaveText('error');

	await page.unroute('**/api/v1/messages');
	await panel.getByRole('button', { name: 'Retry' }).click();
	await expect(status(page)).toHaveText('done');
	await expect(page.getByTestId('error-panel')).toHaveCount(0);
	await expect(answer(page)).toContainText('Hello!');
});

test('keeps what streamed and the log when an error event arrives mid-stream', async ({ page }) => {
	await withFault(page, 'stream_error_after:5');
	await open(page, '/');
	await sendHello(page);
	const panel = page.getByTestId('error-panel');
	await expect(panel.getByTestId('error-type')).toHaveText(/_error$/);
	await expect(panel.getByTestId('error-message')).not.toBeEmpty();
	await expect(panel.getByTestId('error-request-id')).toHaveText(/^req_\w+/);
	await expect(panel).toContainText('during the stream');
	await expect(answer(page)).toHaveText(/\S/);
	await expect(page.getByTestId('count-error')).toHaveText('1');
	await expect(page.getByTestId('count-message_start')).toHaveText('1');
	await expect(page.getByTestId('count-message_stop')).toHaveCount(0);
});

test('downloads a .sse file identical to the bytes of the same request', async ({ page }) => {
	await open(page, '/');
	const sent = page.waitForRequest('**/api/v1/messages');
	await sendHello(page);
	const body = (await sent).postData()!;
	await expect(status(page)).toHaveText('done');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: /^Download \.sse/ }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^msg_\w+\.sse$/);
	const saved = await readFile((await download.path())!);

	// The simulator is deterministic: the same request body gives the same bytes.
	const direct = await page.request.post('/api/v1/messages', {
		data: body,
		headers: { 'content-type': 'application/json' }
	});
	expect(direct.headers()['content-type']).toContain('text/event-stream');
	const bytes = await direct.body();
	expect(saved.length).toBeGreaterThan(500);
	expect(saved.equals(bytes)).toBe(true);
});

/** A synthetic stream of `n` one-word text deltas, framed exactly as the API frames events. */
function bigStream(n: number): string {
	const frame = (type: string, data: object) =>
		`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
	const parts = [
		frame('message_start', {
			message: {
				id: 'msg_big',
				type: 'message',
				role: 'assistant',
				model: 'claude-haiku-4-5-20251001',
				content: [],
				stop_reason: null,
				stop_sequence: null,
				usage: { input_tokens: 3, output_tokens: 1 }
			}
		}),
		frame('content_block_start', { index: 0, content_block: { type: 'text', text: '' } })
	];
	for (let i = 0; i < n; i++)
		parts.push(
			frame('content_block_delta', {
				index: 0,
				delta: { type: 'text_delta', text: i % 50 === 49 ? 'w.\n\n' : 'w ' }
			})
		);
	parts.push(
		frame('content_block_stop', { index: 0 }),
		frame('message_delta', {
			delta: { stop_reason: 'end_turn', stop_sequence: null },
			usage: { output_tokens: n }
		}),
		frame('message_stop', {})
	);
	return parts.join('');
}

test('renders a 100,000-delta stream with a virtualized event log', async ({ page }) => {
	test.setTimeout(120_000);
	await page.route('**/api/v1/messages', (route) =>
		route.fulfill({ status: 200, contentType: 'text/event-stream', body: bigStream(100_000) })
	);
	await open(page, '/');
	await sendHello(page);
	// Generous: a loaded CI machine renders 100,000 deltas slowly; speed is the bench's business.
	await expect(status(page)).toHaveText('done', { timeout: 90_000 });
	await expect(page.getByTestId('count-content_block_delta')).toHaveText('100000');
	await expect(page.getByTestId('usage-output')).toHaveText('100,000');
	// Virtualized: only a screenful of the 100,005 rows is in the DOM.
	expect(await page.getByTestId('event-row').count()).toBeLessThan(100);
	await page.getByRole('button', { name: 'Raw' }).click();
	await expect
		.poll(async () => (await page.getByTestId('response-text').textContent())!.length)
		.toBeGreaterThan(200_000);
});

test('expands an event to pretty JSON and copies it exactly as received', async ({
	page,
	context
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await open(page, '/');
	await sendHello(page);
	await expect(status(page)).toHaveText('done');
	await page.getByRole('button', { name: /^content_block_delta \d+$/ }).click();
	const log = page.getByTestId('event-log');
	await log.getByRole('button', { name: /^#0 message_start at/ }).click();
	await expect(log.locator('pre')).toContainText('"type": "message_start"');
	await log.getByRole('button', { name: 'Copy event #0' }).click();
	await expect(log.getByRole('button', { name: 'Copy event #0' })).toHaveText('Copied');
	const copied = await page.evaluate(() => navigator.clipboard.readText());
	expect(JSON.parse(copied).type).toBe('message_start');
	expect(copied).not.toContain('\n');
});
