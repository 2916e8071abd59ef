/**
 * A small CodeMirror JSON editor for one tool's input_schema. Lazy-loaded like the request
 * editor and styled the same; the tool editor checks the text and pushes one diagnostic back.
 */
import { json } from '@codemirror/lang-json';
import { syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { Annotation } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { highlight, theme } from './theme';

const external = Annotation.define<boolean>();

export class SchemaEditor {
	readonly view: EditorView;

	constructor(parent: HTMLElement, options: { doc: string; label: string; onChange: (text: string) => void }) {
		this.view = new EditorView({
			parent,
			doc: options.doc,
			extensions: [
				basicSetup,
				json(),
				lintGutter(),
				theme,
				syntaxHighlighting(highlight),
				EditorView.lineWrapping,
				EditorView.contentAttributes.of({ 'aria-label': options.label }),
				EditorView.updateListener.of((u) => {
					if (u.docChanged && !u.transactions.some((t) => t.annotation(external))) options.onChange(u.state.doc.toString());
				})
			]
		});
	}

	/** Replaces the text when it changed elsewhere (an example loaded, the JSON face edited). */
	setDoc(text: string): void {
		const current = this.view.state.doc.toString();
		if (current !== text) this.view.dispatch({ changes: { from: 0, to: current.length, insert: text }, annotations: external.of(true) });
	}

	/** Marks the whole document with the problem, or clears the mark. */
	setProblem(message: string | null): void {
		const to = this.view.state.doc.length;
		this.view.dispatch(setDiagnostics(this.view.state, message ? [{ from: 0, to, severity: 'error', message }] : []));
	}

	destroy(): void {
		this.view.destroy();
	}
}
