/** Small edits the form makes to its model: reordering and fresh blocks. */
import { emptyText, type BlockForm } from './form';

/** Moves `list[from]` to `to` in place (message and block reordering). */
export function move<T>(list: T[], from: number, to: number): void {
	if (to < 0 || to >= list.length || from === to) return;
	const [item] = list.splice(from, 1);
	list.splice(to, 0, item);
}

/** A fresh block of each kind the form can add. */
export function newBlock(kind: 'text' | 'tool_use' | 'tool_result'): BlockForm {
	if (kind === 'tool_use') return { kind, id: 'toolu_01', name: 'get_weather', input: {}, cache: null, extra: {} };
	if (kind === 'tool_result') return { kind, toolUseId: 'toolu_01', content: '', isError: undefined, cache: null, extra: {} };
	return emptyText();
}
