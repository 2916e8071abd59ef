/** The editors' shared look. */
import { HighlightStyle } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { tags } from '@lezer/highlight';

// Colours come from CSS variables (app.css), so the editor follows the page's light/dark class.
export const theme = EditorView.theme({
	'&': { backgroundColor: 'var(--cm-bg)', color: 'var(--cm-fg)', height: '100%', fontSize: '13px' },
	'.cm-content': {
		caretColor: 'var(--cm-fg)',
		fontFamily: 'var(--font-mono, ui-monospace, monospace)'
	},
	'.cm-gutters': {
		backgroundColor: 'var(--cm-gutter-bg)',
		color: 'var(--cm-gutter-fg)',
		borderRight: '1px solid var(--cm-border)'
	},
	'.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'var(--cm-active)' },
	'&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
		backgroundColor: 'var(--cm-selection) !important'
	},
	'.cm-tooltip': {
		backgroundColor: 'var(--cm-bg)',
		color: 'var(--cm-fg)',
		border: '1px solid var(--cm-border)'
	},
	'.cm-tooltip-autocomplete > ul > li[aria-selected]': {
		backgroundColor: 'var(--cm-selection)',
		color: 'var(--cm-fg)'
	},
	'.cm-scroller': { overflow: 'auto' }
});
export const highlight = HighlightStyle.define([
	{ tag: tags.propertyName, color: 'var(--cm-key)' },
	{ tag: tags.string, color: 'var(--cm-string)' },
	{ tag: [tags.number, tags.bool, tags.null], color: 'var(--cm-number)' },
	{ tag: tags.invalid, color: 'var(--cm-invalid)' }
]);
