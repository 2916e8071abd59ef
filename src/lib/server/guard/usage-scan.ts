import type { Usage } from '$lib/schemas/usage';

/**
 * The `usage` of a succeeded batch result line, found without parsing the line: results files
 * hold 100,000s of lines, and parsing each whole (content and all) to read four numbers made
 * the server's memory grow with the file. The message's own `usage` is the last `"usage"` key
 * in the line (content, where a tool's input could hold such a key, comes before it), and only
 * that small object is parsed.
 */
export function scanUsage(line: string): Partial<Usage> | undefined {
	const key = line.lastIndexOf('"usage"');
	if (key < 0) return undefined;
	let at = key + 7;
	while (line[at] === ' ' || line[at] === ':') at++;
	if (line[at] !== '{') return undefined;
	const end = objectEnd(line, at);
	if (end < 0) return undefined;
	try {
		return JSON.parse(line.slice(at, end + 1)) as Partial<Usage>;
	} catch {
		return undefined;
	}
}

/** Index of the `}` closing the object opened at `start`, skipping strings; -1 if it never does. */
function objectEnd(text: string, start: number): number {
	let depth = 0;
	let inString = false;
	for (let i = start; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 92 /* \ */) i++;
			else if (c === 34 /* " */) inString = false;
		} else if (c === 34) inString = true;
		else if (c === 123 /* { */) depth++;
		else if (c === 125 /* } */ && --depth === 0) return i;
	}
	return -1;
}
