import DOMPurify from 'dompurify';
import { marked } from 'marked';

/**
 * Model output as sanitized HTML: marked renders, DOMPurify strips scripts, event handlers and
 * javascript: URLs. Browser only (DOMPurify needs a DOM).
 */
export function renderMarkdown(text: string): string {
	return DOMPurify.sanitize(marked.parse(text, { async: false, gfm: true }));
}
