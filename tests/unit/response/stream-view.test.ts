// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { renderMarkdown } from '$lib/response/markdown';
import { pendingRenders } from '$lib/response/render-budget';
import { StreamTextView } from '$lib/response/stream-view';

/** Waits until the frame budget has run every queued job (jsdom: timers and a MessageChannel). */
const settle = () => vi.waitFor(() => expect(pendingRenders()).toBe(0), { timeout: 5000 });

/** A fake renderer that records what it was asked to render. */
function recorder() {
	const calls: string[] = [];
	const toHtml = (s: string) => {
		calls.push(s);
		return `<p data-src="${encodeURIComponent(s)}">${s.replace(/</g, '&lt;')}</p>\n`;
	};
	return { calls, toHtml };
}

/** `n` paragraphs of a few words each, as a model would stream them. */
const paragraphs = (n: number) =>
	Array.from({ length: n }, (_, i) => `Paragraph ${i} has *some* words.`).join('\n\n');

describe('StreamTextView', () => {
	it('shows plain text at once, with nothing queued and nothing marked as rendering', () => {
		const host = document.createElement('div');
		const view = new StreamTextView();
		const text = paragraphs(100);
		for (let n = 0; n <= text.length; n += 37) view.update(host, text.slice(0, n), undefined);
		view.update(host, text, undefined);
		expect(host.textContent).toBe(text);
		expect(pendingRenders()).toBe(0);
		expect(host.hasAttribute('data-rendering')).toBe(false);
	});

	it('shows new text as plain text until its markdown is rendered in a coming frame', async () => {
		const host = document.createElement('div');
		const view = new StreamTextView();
		view.update(host, 'Hello *world*', renderMarkdown);
		expect(host.textContent).toBe('Hello *world*');
		expect(host.hasAttribute('data-rendering')).toBe(true);
		await settle();
		expect(host.querySelector('em')?.textContent).toBe('world');
		expect(host.hasAttribute('data-rendering')).toBe(false);
	});

	it('renders every closed page exactly once while the text grows, and only the tail again', async () => {
		const host = document.createElement('div');
		const view = new StreamTextView();
		const { calls, toHtml } = recorder();
		const text = paragraphs(400);
		for (let n = 0; n < text.length; n += 211) {
			view.update(host, text.slice(0, n), toHtml);
			if (n % 5 === 0) await settle();
		}
		view.update(host, text, toHtml);
		await settle();
		const pages = [...host.querySelectorAll('.md-page > p')].map((p) =>
			decodeURIComponent(p.getAttribute('data-src')!)
		);
		expect(pages.length).toBeGreaterThan(5);
		for (const page of pages) expect(calls.filter((c) => c === page)).toHaveLength(1);
		// Pages and the tail together are the whole text, in order.
		const tail = decodeURIComponent(
			host.lastElementChild!.firstElementChild!.getAttribute('data-src')!
		);
		expect(pages.join('') + tail).toBe(text);
		expect(host.hasAttribute('data-rendering')).toBe(false);
	});

	it('ends with the same pages however the text arrived', async () => {
		const text = paragraphs(300);
		const whole = document.createElement('div');
		new StreamTextView().update(whole, text, renderMarkdown);
		await settle();
		const streamed = document.createElement('div');
		const view = new StreamTextView();
		for (let n = 0; n < text.length; n += 13)
			view.update(streamed, text.slice(0, n), renderMarkdown);
		view.update(streamed, text, renderMarkdown);
		await settle();
		expect(streamed.innerHTML).toBe(whole.innerHTML);
		expect(whole.querySelectorAll('.md-page').length).toBeGreaterThan(1);
		expect(whole.querySelectorAll('p')).toHaveLength(300);
	});

	it('starts over when the text is replaced, and renders once the renderer has loaded', async () => {
		const host = document.createElement('div');
		const view = new StreamTextView();
		view.update(host, paragraphs(100), renderMarkdown);
		await settle();
		view.update(host, 'A new *answer*', null);
		expect(host.textContent).toBe('A new *answer*');
		expect(host.hasAttribute('data-rendering')).toBe(true);
		await settle();
		expect(host.querySelector('em')).toBeNull();
		view.update(host, 'A new *answer*', renderMarkdown);
		await settle();
		expect(host.querySelector('em')?.textContent).toBe('answer');
		expect(host.hasAttribute('data-rendering')).toBe(false);
	});

	it('queues nothing more once destroyed', async () => {
		const host = document.createElement('div');
		const view = new StreamTextView();
		const { calls, toHtml } = recorder();
		view.update(host, paragraphs(200), toHtml);
		view.destroy();
		await settle();
		expect(calls).toEqual([]);
	});
});
