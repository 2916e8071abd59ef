/** What every JSON editor of the app shares: setup, look, and reporting the user's own edits. */
import { json } from '@codemirror/lang-json';
import { syntaxHighlighting } from '@codemirror/language';
import { lintGutter } from '@codemirror/lint';
import { Annotation, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { highlight, theme } from './theme';

/** Marks text set from outside (the form, an example), so it is not reported back as an edit. */
export const external = Annotation.define<boolean>();

/** `extra` (e.g. a completion source) goes right after the language and lint setup. */
export function jsonEditorBase(
	options: { label: string; onChange: (text: string) => void },
	extra: Extension[] = []
): Extension[] {
	return [
		basicSetup,
		json(),
		lintGutter(),
		...extra,
		theme,
		syntaxHighlighting(highlight),
		EditorView.lineWrapping,
		EditorView.contentAttributes.of({ 'aria-label': options.label }),
		EditorView.updateListener.of((u) => {
			if (u.docChanged && !u.transactions.some((t) => t.annotation(external)))
				options.onChange(u.state.doc.toString());
		})
	];
}
