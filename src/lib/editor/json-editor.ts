/**
 * CodeMirror 6 controller for the request JSON. Loaded with a dynamic import, so the editor's
 * code stays out of the first page. Owns one EditorView for its lifetime: the document and the
 * diagnostics are pushed in through methods, never by recreating the view.
 */
import {
	autocompletion,
	type CompletionContext,
	type CompletionResult
} from '@codemirror/autocomplete';
import { setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { Prec } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { cursorContext } from '$lib/request/json-context';
import type { RequestDiagnostic } from '$lib/request/lint';
import { keysAt, valuesAt } from '$lib/request/schema-walk';
import { external, jsonEditorBase } from './json-base';

export interface JsonEditorOptions {
	doc: string;
	onChange: (text: string) => void;
	/** Model ids for `"model"` values; the schema only says "a string". */
	modelIds: () => string[];
	label: string;
}

/** Marks changes made by `setDoc`, so they are not echoed back as user edits. */

function completions(modelIds: () => string[]) {
	return (context: CompletionContext): CompletionResult | null => {
		const text = context.state.doc.toString();
		const at = cursorContext(text, context.pos);
		if (!at) return null;
		const word = context.matchBefore(/[\w-]*$/);
		const inString = at.from < context.pos && text[at.from] === '"';
		const from = inString ? at.from : (word?.from ?? context.pos);
		if (!context.explicit && from === context.pos) return null;
		// closeBrackets may already have typed the closing quote: replace it too.
		const to = inString && text[context.pos] === '"' ? context.pos + 1 : context.pos;
		if (at.kind === 'key') {
			const options = keysAt(at.path, at.typeValue)
				.filter((k) => !at.present?.includes(k))
				.map((k) => ({ label: `"${k}"`, apply: `"${k}": `, type: 'property' }));
			return options.length ? { from, to, options, validFor: /^"?[\w-]*"?$/ } : null;
		}
		const field = at.path[at.path.length - 1];
		const values = at.path.length === 1 && field === 'model' ? modelIds() : valuesAt(at.path);
		const options = values.map((v) => ({
			label: JSON.stringify(v),
			type: typeof v === 'string' ? 'enum' : 'keyword'
		}));
		return options.length ? { from, to, options, validFor: /^"?[\w.-]*"?$/ } : null;
	};
}

export class JsonEditor {
	readonly view: EditorView;

	constructor(parent: HTMLElement, options: JsonEditorOptions) {
		this.view = new EditorView({
			parent,
			doc: options.doc,
			extensions: [
				// Ctrl/Cmd+Enter sends (handled by the page); keep CodeMirror from inserting a line.
				Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => true }])),
				...jsonEditorBase(options, [autocompletion({ override: [completions(options.modelIds)] })])
			]
		});
	}

	/** Replaces the text when it differs (an edit made in the form), keeping the cursor in range. */
	setDoc(text: string): void {
		const current = this.view.state.doc.toString();
		if (current === text) return;
		const head = Math.min(this.view.state.selection.main.head, text.length);
		this.view.dispatch({
			changes: { from: 0, to: current.length, insert: text },
			selection: { anchor: head },
			annotations: external.of(true)
		});
	}

	setDiagnostics(diagnostics: readonly RequestDiagnostic[]): void {
		const length = this.view.state.doc.length;
		const list: Diagnostic[] = diagnostics.map((d) => ({
			from: Math.min(d.from, length),
			to: Math.min(Math.max(d.to, d.from), length),
			severity: 'error',
			message: d.path ? `${d.path}: ${d.message}` : d.message
		}));
		this.view.dispatch(setDiagnostics(this.view.state, list));
	}

	/** Puts the cursor on a problem and scrolls it into view (from the problems list). */
	reveal(from: number): void {
		this.view.dispatch({ selection: { anchor: from }, scrollIntoView: true });
		this.view.focus();
	}

	destroy(): void {
		this.view.destroy();
	}
}
