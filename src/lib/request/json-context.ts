/**
 * Where the cursor is in (possibly unfinished) JSON text: the path of the enclosing value and
 * whether a key or a value is being typed. Tolerant of broken text, since it runs mid-edit.
 */
export interface CursorContext {
	/** Path of the object (when typing a key) or of the field (when typing a value). */
	path: (string | number)[];
	kind: 'key' | 'value';
	/** Where the token being typed starts (its opening quote, or the cursor). */
	from: number;
	/** The enclosing object's `type`, when it was written before the cursor. */
	typeValue?: string;
	/** Keys the enclosing object already has before the cursor (not offered again). */
	present?: string[];
}

interface Frame {
	isArray: boolean;
	key: string | null;
	index: number;
	expectingKey: boolean;
	typeValue?: string;
	present: string[];
}

export function cursorContext(text: string, pos: number): CursorContext | null {
	const stack: Frame[] = [];
	const path: (string | number)[] = [];
	let from = pos;
	for (let i = 0; i < pos; i++) {
		const c = text[i];
		const top = stack[stack.length - 1];
		if (c === '"') {
			let j = i + 1;
			while (j < pos && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
			if (j >= pos) {
				from = i; // the cursor is inside this string
				break;
			}
			const value = text.slice(i + 1, j);
			if (top && !top.isArray) {
				if (top.expectingKey) top.present.push((top.key = value));
				else if (top.key === 'type') top.typeValue = value;
			}
			i = j;
		} else if (c === '{' || c === '[') {
			if (top) path.push(top.isArray ? top.index : (top.key ?? ''));
			stack.push({ isArray: c === '[', key: null, index: 0, expectingKey: c === '{', present: [] });
		} else if (c === '}' || c === ']') {
			stack.pop();
			if (stack.length > 0) path.pop();
		} else if (c === ',' && top) {
			if (top.isArray) top.index++;
			else {
				top.expectingKey = true;
				top.key = null;
			}
		} else if (c === ':' && top && !top.isArray) top.expectingKey = false;
	}
	const top = stack[stack.length - 1];
	if (!top) return null;
	if (!top.isArray && top.expectingKey)
		return { path, kind: 'key', from, typeValue: top.typeValue, present: top.present };
	return { path: [...path, top.isArray ? top.index : (top.key ?? '')], kind: 'value', from };
}
