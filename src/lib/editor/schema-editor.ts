/**
 * A small CodeMirror JSON editor for one tool's input_schema. Lazy-loaded like the request
 * editor and styled the same; the tool editor checks the text and pushes one diagnostic back.
 */
import { setDiagnostics } from '@codemirror/lint';
import { EditorView } from '@codemirror/view';
import { external, jsonEditorBase } from './json-base';

export class SchemaEditor {
	readonly view: EditorView;

	constructor(
		parent: HTMLElement,
		options: { doc: string; label: string; onChange: (text: string) => void }
	) {
		this.view = new EditorView({
			parent,
			doc: options.doc,
			extensions: jsonEditorBase(options)
		});
	}

	/** Replaces the text when it changed elsewhere (an example loaded, the JSON face edited). */
	setDoc(text: string): void {
		const current = this.view.state.doc.toString();
		if (current !== text)
			this.view.dispatch({
				changes: { from: 0, to: current.length, insert: text },
				annotations: external.of(true)
			});
	}

	/** Marks the whole document with the problem, or clears the mark. */
	setProblem(message: string | null): void {
		const to = this.view.state.doc.length;
		this.view.dispatch(
			setDiagnostics(this.view.state, message ? [{ from: 0, to, severity: 'error', message }] : [])
		);
	}

	destroy(): void {
		this.view.destroy();
	}
}
