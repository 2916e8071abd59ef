import { Marked, type Tokens } from 'marked';
import DOMPurify from 'dompurify';
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import css from 'highlight.js/lib/languages/css';
import go from 'highlight.js/lib/languages/go';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import rust from 'highlight.js/lib/languages/rust';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';

// Only a few common languages: the full highlight.js bundle is ~1 MB.
for (const [name, lang] of Object.entries({
	bash,
	css,
	go,
	javascript,
	json,
	python,
	rust,
	sql,
	typescript,
	xml,
	yaml
}))
	hljs.registerLanguage(name, lang);
hljs.registerAliases(['sh', 'shell', 'zsh'], { languageName: 'bash' });
hljs.registerAliases(['js', 'jsx'], { languageName: 'javascript' });
hljs.registerAliases(['ts', 'tsx'], { languageName: 'typescript' });
hljs.registerAliases(['py'], { languageName: 'python' });
hljs.registerAliases(['html', 'svg'], { languageName: 'xml' });
hljs.registerAliases(['yml'], { languageName: 'yaml' });

export function escapeHtml(s: string): string {
	return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const marked = new Marked({
	gfm: true,
	breaks: false,
	renderer: {
		code({ text, lang }: Tokens.Code) {
			const language = (lang ?? '').trim().split(/\s+/)[0].toLowerCase();
			const body =
				language && hljs.getLanguage(language)
					? hljs.highlight(text, { language, ignoreIllegals: true }).value
					: escapeHtml(text);
			const cls = language ? ` class="hljs language-${escapeHtml(language)}"` : ' class="hljs"';
			return `<pre><code${cls}>${body}</code></pre>\n`;
		},
		// Raw HTML in model output is shown as text, never interpreted.
		html({ text }: Tokens.HTML | Tokens.Tag) {
			return escapeHtml(text);
		},
		// Images become links: rendering <img> would let model output make the browser fetch any URL
		// (a known way to exfiltrate conversation data through query strings).
		image({ href, text }: Tokens.Image) {
			return `<a href="${escapeHtml(href)}">🖼 ${escapeHtml(text || href)}</a>`;
		}
	}
});

const ALLOWED_TAGS = [
	'p',
	'br',
	'hr',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'ul',
	'ol',
	'li',
	'blockquote',
	'pre',
	'code',
	'span',
	'em',
	'strong',
	'del',
	'a',
	'table',
	'thead',
	'tbody',
	'tr',
	'th',
	'td'
];
const ALLOWED_ATTR = ['href', 'title', 'class', 'align', 'start'];
const SAFE_HREF = /^(https?:|mailto:|#)/i;

let hooked = false;
function purifier() {
	if (!hooked) {
		hooked = true;
		// Defence in depth on top of DOMPurify's own URI check: links only to web/mail, opened safely.
		DOMPurify.addHook('afterSanitizeAttributes', (node) => {
			if (node.tagName !== 'A') return;
			const href = node.getAttribute('href') ?? '';
			if (!SAFE_HREF.test(href.trim())) node.removeAttribute('href');
			else {
				node.setAttribute('target', '_blank');
				node.setAttribute('rel', 'noopener noreferrer nofollow');
			}
		});
	}
	return DOMPurify;
}

/** Markdown to sanitized HTML. Without a DOM (SSR) DOMPurify can't run, so the text is escaped instead. */
export function renderMarkdown(src: string): string {
	if (!DOMPurify.isSupported) return `<pre>${escapeHtml(src)}</pre>`;
	const html = marked.parse(src, { async: false });
	return purifier().sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR, ALLOW_DATA_ATTR: false });
}
