import { MarkdownChunker } from './markdown-chunks';
import { renderSoon } from './render-budget';

/** Turns markdown into sanitized HTML (markdown.ts: raw HTML escaped, DOMPurify with an allowlist). */
export type ToHtml = (source: string) => string;

/**
 * A page closes after this many chunks or this much source: a page is rendered once, as one
 * markdown parse and one sanitize, and is the unit `content-visibility` skips off screen. Both
 * limits depend only on the text, so the same text always gets the same pages.
 */
const PAGE_CHUNKS = 32;
const PAGE_CHARS = 8 * 1024;
/** Rendering the growing tail again waits this many times its last cost (a long tail stays cheap). */
const RATE = 4;

/**
 * Shows a growing text (a streamed answer or thinking) inside `host`, which it owns, with work
 * proportional to what changed: the text is cut into chunks at blank lines (markdown-chunks.ts),
 * chunks are grouped into pages, a page whose chunks are all closed is rendered exactly once, and
 * only the last open page (the tail) is rendered again as it grows, at most at RATE times its cost.
 * Markdown work runs in the page's frame budget (render-budget.ts); until a part is rendered it
 * shows as plain text, so nothing the stream brought is hidden. Without `toHtml` (undefined) the
 * text stays plain and no work is queued; `null` means the markdown renderer is still loading.
 * While anything is left to render the host carries `data-rendering`.
 */
export class StreamTextView {
	#host: HTMLElement | null = null;
	#text = '';
	#toHtml: ToHtml | null | undefined;
	#chunker = new MarkdownChunker();
	/** First chunk of the tail (the page still open). */
	#tailChunk = 0;
	/** Closed pages not rendered yet, in order. */
	#pending: { el: HTMLElement; source: string }[] = [];
	#cancelPage: (() => void) | null = null;
	#tail: HTMLElement | null = null;
	#tailSource = '';
	#tailRendered: { source: string; html: string } | null = null;
	/** The html the tail element holds now (so a growing rest does not re-parse it). */
	#tailShownHtml: string | null = null;
	#cancelTail: (() => void) | null = null;
	#tailNotBefore = 0;

	update(host: HTMLElement, text: string, toHtml: ToHtml | null | undefined): void {
		const isOtherMode =
			host !== this.#host || (toHtml === undefined) !== (this.#toHtml === undefined);
		const isContinued = this.#chunker.feed(text);
		if (isOtherMode || !isContinued) this.#clear(host, text);
		this.#text = text;
		const gotRenderer = toHtml && !this.#toHtml;
		this.#toHtml = toHtml;
		this.#closePages();
		if (gotRenderer) this.#queuePage();
		this.#showTail();
		this.#markBehind();
	}

	destroy(): void {
		this.#cancelPage?.();
		this.#cancelTail?.();
		this.#cancelPage = this.#cancelTail = null;
	}

	/** Starts over in `host` (a new text, or another mode). */
	#clear(host: HTMLElement, text: string) {
		this.destroy();
		this.#host = host;
		host.replaceChildren();
		this.#chunker = new MarkdownChunker();
		this.#chunker.feed(text);
		this.#tailChunk = 0;
		this.#pending = [];
		this.#tail = null;
		this.#tailSource = '';
		this.#tailRendered = null;
		this.#tailShownHtml = null;
		this.#tailNotBefore = 0;
	}

	/** Moves every page whose chunks are all closed out of the tail, as plain text until rendered. */
	#closePages() {
		const closed = this.#chunker.closed;
		let first = this.#tailChunk;
		for (let i = first; i < closed.length; i++) {
			const size = this.#chunker.startOf(i + 1) - this.#chunker.startOf(first);
			if (i + 1 - first < PAGE_CHUNKS && size < PAGE_CHARS) continue;
			this.#addPage(this.#text.slice(this.#chunker.startOf(first), this.#chunker.startOf(i + 1)));
			first = i + 1;
		}
		this.#tailChunk = first;
	}

	#addPage(source: string) {
		const el = document.createElement('div');
		el.className = 'md-page';
		const plain = document.createElement('div');
		plain.className = 'whitespace-pre-wrap';
		plain.textContent = source;
		el.append(plain);
		this.#host!.insertBefore(el, this.#tail);
		if (this.#toHtml === undefined) return;
		this.#pending.push({ el, source });
		this.#queuePage();
	}

	/** Renders closed pages one job at a time, in order, within the frame budget. */
	#queuePage() {
		if (this.#cancelPage || !this.#toHtml || this.#pending.length === 0) return;
		this.#cancelPage = renderSoon(() => {
			this.#cancelPage = null;
			const page = this.#pending.shift();
			if (!page || !this.#toHtml) return;
			page.el.innerHTML = this.#toHtml(page.source);
			this.#queuePage();
			this.#markBehind();
		});
	}

	#showTail() {
		const source = this.#text.slice(this.#chunker.startOf(this.#tailChunk));
		if (!this.#tail) {
			this.#tail = document.createElement('div');
			this.#tail.className = this.#toHtml === undefined ? 'whitespace-pre-wrap' : 'md-chunk';
			this.#host!.append(this.#tail);
		}
		if (source === this.#tailSource && (this.#toHtml === undefined || this.#tailShownHtml !== null))
			return;
		this.#tailSource = source;
		if (this.#toHtml === undefined) {
			this.#tail.textContent = source;
			return;
		}
		this.#drawTail();
		if (this.#tailRendered?.source !== source) this.#queueTail();
	}

	/** The last rendered html while it is a prefix of the tail, followed by the rest as plain text. */
	#drawTail() {
		const tail = this.#tail!;
		const source = this.#tailSource;
		const rendered = this.#tailRendered;
		const html = rendered && source.startsWith(rendered.source) ? rendered.html : null;
		const rest = html === null ? source : source.slice(rendered!.source.length);
		if (html !== this.#tailShownHtml || html === null) {
			tail.innerHTML = html ?? '';
			this.#tailShownHtml = html;
			if (rest) tail.append(plainSpan(rest));
			return;
		}
		const last = tail.lastChild;
		if (last instanceof HTMLSpanElement && last.dataset.rest !== undefined) {
			if (rest) last.textContent = rest;
			else last.remove();
		} else if (rest) tail.append(plainSpan(rest));
	}

	#queueTail() {
		this.#cancelTail?.();
		this.#cancelTail = null;
		if (!this.#toHtml) return;
		const source = this.#tailSource;
		this.#cancelTail = renderSoon(() => {
			this.#cancelTail = null;
			if (!this.#toHtml) return;
			const started = performance.now();
			this.#tailRendered = { source, html: this.#toHtml(source) };
			this.#drawTail();
			this.#tailNotBefore = performance.now() + RATE * (performance.now() - started);
			this.#markBehind();
		}, this.#tailNotBefore);
	}

	#markBehind() {
		const isBehind =
			this.#toHtml !== undefined &&
			(this.#pending.length > 0 || this.#tailRendered?.source !== this.#tailSource);
		this.#host?.toggleAttribute('data-rendering', isBehind);
	}
}

function plainSpan(text: string): HTMLSpanElement {
	const span = document.createElement('span');
	span.className = 'whitespace-pre-wrap';
	span.dataset.rest = '';
	span.textContent = text;
	return span;
}
