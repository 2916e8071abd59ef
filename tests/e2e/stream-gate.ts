import type { Page } from '@playwright/test';

/**
 * Makes streams observable mid-flight without timing: the page's fetch of /api/v1/messages gets a
 * body that hands over one SSE event at a time, and only as many as the test releases. The bytes
 * are unchanged (only re-chunked at event boundaries), so the app sees a real, slowed stream.
 */
export async function gateStreams(
	page: Page
): Promise<{ release: (events?: number) => Promise<void> }> {
	await page.addInitScript(() => {
		const realFetch = window.fetch.bind(window);
		let allowance = 0;
		const waiters: (() => void)[] = [];
		(window as unknown as { __releaseEvents: (n: number) => void }).__releaseEvents = (
			n: number
		) => {
			allowance += n;
			waiters.splice(0).forEach((wake) => wake());
		};
		const nextEventEnd = (buf: Uint8Array) => {
			for (let i = 1; i < buf.length; i++) if (buf[i] === 10 && buf[i - 1] === 10) return i + 1;
			return -1;
		};
		window.fetch = async (input, init) => {
			const res = await realFetch(input, init);
			if (
				!String(input).includes('/api/v1/messages') ||
				!res.body ||
				!res.headers.get('content-type')?.includes('event-stream')
			)
				return res;
			const reader = res.body.getReader();
			let pending = new Uint8Array(0);
			const body = new ReadableStream<Uint8Array>({
				start(controller) {
					init?.signal?.addEventListener('abort', () => {
						controller.error(new DOMException('The user aborted a request.', 'AbortError'));
						void reader.cancel();
					});
				},
				async pull(controller) {
					while (allowance <= 0) await new Promise<void>((wake) => waiters.push(wake));
					for (;;) {
						const end = nextEventEnd(pending);
						if (end > 0) {
							allowance--;
							controller.enqueue(pending.slice(0, end));
							pending = pending.slice(end);
							return;
						}
						const { done, value } = await reader.read();
						if (done) {
							if (pending.length) controller.enqueue(pending);
							return controller.close();
						}
						const joined = new Uint8Array(pending.length + value.length);
						joined.set(pending);
						joined.set(value, pending.length);
						pending = joined;
					}
				}
			});
			return new Response(body, {
				status: res.status,
				statusText: res.statusText,
				headers: res.headers
			});
		};
	});
	return {
		release: (events = 1_000_000) =>
			page.evaluate(
				(n) => (window as unknown as { __releaseEvents: (n: number) => void }).__releaseEvents(n),
				events
			)
	};
}
