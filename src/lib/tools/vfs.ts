/**
 * An in-browser file system that runs the text editor tools (`str_replace_based_edit_tool`
 * of text_editor_20250728, and the 2024 `str_replace_editor`) for real: view, create,
 * str_replace, insert, undo_edit (2024 only); the memory tool adds delete and rename. Outputs and error texts follow
 * the tool's published behaviour (cat -n style views, unique-match replacement, create
 * refusing an existing file, per-file undo history), so the model sees what it would see
 * against Anthropic's reference implementation. Directories are implicit: a path is a
 * directory when some file lives under it (and "/" always is).
 */

export type EditorResult = { ok: true; output: string } | { ok: false; error: string };

export const EDITOR_COMMANDS = ['view', 'create', 'str_replace', 'insert', 'undo_edit'] as const;
/** Lines of context shown around an edit. */
const SNIPPET_LINES = 4;

const fail = (error: string): EditorResult => ({ ok: false, error });

/** `cat -n` layout: line numbers right-aligned in 6 columns, then a tab. */
function numbered(text: string, firstLine = 1): string {
	return text
		.split('\n')
		.map((line, i) => `${String(i + firstLine).padStart(6)}\t${line}`)
		.join('\n');
}

function viewOutput(text: string, label: string, firstLine = 1): string {
	return `Here's the result of running \`cat -n\` on ${label}:\n${numbered(text, firstLine)}\n`;
}

/** The lines around `line` (0-based) after an edit, so the model can check what changed. */
function snippet(text: string, line: number, added: number, path: string): string {
	const lines = text.split('\n');
	const start = Math.max(0, line - SNIPPET_LINES);
	const end = Math.min(lines.length, line + added + SNIPPET_LINES + 1);
	return viewOutput(lines.slice(start, end).join('\n'), `a snippet of ${path}`, start + 1);
}

export class VirtualFs {
	readonly #files = new Map<string, string>();
	/** Per path, the content before each edit (null: the file did not exist), newest last. */
	readonly #history = new Map<string, (string | null)[]>();

	constructor(files: Record<string, string> = {}) {
		for (const [path, text] of Object.entries(files)) this.#files.set(path, text);
	}

	clear(): void {
		this.#files.clear();
		this.#history.clear();
	}

	/** The files, sorted by path: a fresh plain object each call (for reactive snapshots). */
	files(): Record<string, string> {
		return Object.fromEntries([...this.#files.entries()].sort(([a], [b]) => a.localeCompare(b)));
	}

	/** Whether any file lives at or under `path`. */
	hasUnder(path: string): boolean {
		return this.#files.has(path) || this.#isDir(path);
	}

	#isDir(path: string): boolean {
		const prefix = path.endsWith('/') ? path : path + '/';
		return path === '/' || [...this.#files.keys()].some((f) => f.startsWith(prefix));
	}

	#remember(path: string, before: string | null) {
		const list = this.#history.get(path) ?? [];
		list.push(before);
		this.#history.set(path, list);
	}

	/**
	 * Runs one tool call's input; never throws on bad input, it reports it as the tool would.
	 * `commands` narrows what the calling tool offers (text_editor_20250728 has no undo_edit).
	 */
	run(
		input: Record<string, unknown>,
		tool = 'str_replace_editor',
		commands: readonly string[] = EDITOR_COMMANDS
	): EditorResult {
		const { command, path } = input;
		if (typeof command !== 'string' || !commands.includes(command)) {
			return fail(
				`Unrecognized command ${String(command)}. The allowed commands for the ${tool} tool are: ${commands.join(', ')}`
			);
		}
		if (typeof path !== 'string' || path === '')
			return fail(`Parameter \`path\` is required for command: ${command}`);
		if (!path.startsWith('/'))
			return fail(
				`The path ${path} is not an absolute path, it should start with \`/\`. Maybe you meant /${path}?`
			);
		const exists = this.#files.has(path);
		const isDir = !exists && this.#isDir(path);
		if (command === 'create') {
			if (exists || isDir)
				return fail(
					`File already exists at: ${path}. Cannot overwrite files using command \`create\`.`
				);
		} else if (!exists && !isDir) {
			return fail(`The path ${path} does not exist. Please provide a valid path.`);
		} else if (isDir && command !== 'view') {
			return fail(
				`The path ${path} is a directory and only the \`view\` command can be used on directories`
			);
		}
		switch (command) {
			case 'view':
				return isDir ? this.#viewDir(path, input.view_range) : this.#view(path, input.view_range);
			case 'create':
				return this.#create(path, input.file_text);
			case 'str_replace':
				return this.#replace(path, input.old_str, input.new_str);
			case 'insert':
				return this.#insert(path, input.insert_line, input.new_str);
			default:
				return this.#undo(path);
		}
	}

	/** Removes a file, or a directory with everything under it (the memory tool's delete). */
	delete(path: string): EditorResult {
		const prefix = path.endsWith('/') ? path : path + '/';
		const doomed = [...this.#files.keys()].filter((f) => f === path || f.startsWith(prefix));
		if (doomed.length === 0) return fail(`The path ${path} does not exist`);
		for (const f of doomed) {
			this.#files.delete(f);
			this.#history.delete(f);
		}
		return { ok: true, output: `Successfully deleted ${path}` };
	}

	/** Moves a file or directory (the memory tool's rename); refuses to overwrite. */
	rename(from: string, to: string): EditorResult {
		const prefix = from.endsWith('/') ? from : from + '/';
		const moving = [...this.#files.keys()].filter((f) => f === from || f.startsWith(prefix));
		if (moving.length === 0) return fail(`The path ${from} does not exist`);
		if (this.#files.has(to) || this.#isDir(to)) return fail(`The destination ${to} already exists`);
		for (const f of moving) {
			const next = to + f.slice(from.length);
			this.#files.set(next, this.#files.get(f)!);
			this.#files.delete(f);
			this.#history.delete(f);
		}
		return { ok: true, output: `Successfully renamed ${from} to ${to}` };
	}

	#view(path: string, range: unknown): EditorResult {
		const text = this.#files.get(path)!;
		if (range === undefined || range === null) return { ok: true, output: viewOutput(text, path) };
		const lines = text.split('\n');
		if (!Array.isArray(range) || range.length !== 2 || !range.every((n) => Number.isInteger(n))) {
			return fail('Invalid `view_range`. It should be a list of two integers.');
		}
		const [start, end] = range as [number, number];
		if (start < 1 || start > lines.length) {
			return fail(
				`Invalid \`view_range\`: ${JSON.stringify(range)}. Its first element \`${start}\` ` +
					`should be within the range of lines of the file: [1, ${lines.length}]`
			);
		}
		if (end !== -1 && (end < start || end > lines.length)) {
			return fail(
				`Invalid \`view_range\`: ${JSON.stringify(range)}. Its second element \`${end}\` ` +
					`should be -1 or within [${start}, ${lines.length}]`
			);
		}
		const shown = lines.slice(start - 1, end === -1 ? undefined : end).join('\n');
		return { ok: true, output: viewOutput(shown, path, start) };
	}

	/** Non-hidden entries up to two levels below the directory, like `find -maxdepth 2`. */
	#viewDir(path: string, range: unknown): EditorResult {
		if (range !== undefined && range !== null)
			return fail('The `view_range` parameter is not allowed when `path` points to a directory.');
		const base = path.endsWith('/') ? path : path + '/';
		const entries = new Set<string>();
		for (const file of this.#files.keys()) {
			if (!file.startsWith(base)) continue;
			const parts = file.slice(base.length).split('/');
			if (parts.some((p) => p.startsWith('.'))) continue;
			for (let depth = 1; depth <= Math.min(2, parts.length); depth++)
				entries.add(base + parts.slice(0, depth).join('/'));
		}
		const list = [...entries].sort().join('\n');
		return {
			ok: true,
			output: `Here's the files and directories up to 2 levels deep in ${path}, excluding hidden items:\n${list}\n`
		};
	}

	#create(path: string, fileText: unknown): EditorResult {
		if (typeof fileText !== 'string')
			return fail('Parameter `file_text` is required for command: create');
		this.#remember(path, null);
		this.#files.set(path, fileText);
		return { ok: true, output: `File created successfully at: ${path}` };
	}

	#replace(path: string, oldStr: unknown, newStr: unknown): EditorResult {
		if (typeof oldStr !== 'string' || oldStr === '')
			return fail('Parameter `old_str` is required for command: str_replace');
		if (newStr !== undefined && newStr !== null && typeof newStr !== 'string')
			return fail('Parameter `new_str` must be a string');
		const text = this.#files.get(path)!;
		const first = text.indexOf(oldStr);
		if (first === -1)
			return fail(
				`No replacement was performed, old_str \`${oldStr}\` did not appear verbatim in ${path}.`
			);
		if (text.indexOf(oldStr, first + 1) !== -1) {
			const lines: number[] = [];
			for (let at = first; at !== -1; at = text.indexOf(oldStr, at + 1))
				lines.push(text.slice(0, at).split('\n').length);
			return fail(
				`No replacement was performed. Multiple occurrences of old_str \`${oldStr}\` ` +
					`in lines ${JSON.stringify([...new Set(lines)])}. Please ensure it is unique`
			);
		}
		const replacement = newStr ?? '';
		const next = text.slice(0, first) + replacement + text.slice(first + oldStr.length);
		this.#remember(path, text);
		this.#files.set(path, next);
		const line = text.slice(0, first).split('\n').length - 1;
		const shown = snippet(next, line, replacement.split('\n').length - 1, path);
		const output =
			`The file ${path} has been edited. ${shown}` +
			'Review the changes and make sure they are as expected. Edit the file again if necessary.';
		return { ok: true, output };
	}

	#insert(path: string, insertLine: unknown, newStr: unknown): EditorResult {
		if (typeof insertLine !== 'number' || !Number.isInteger(insertLine))
			return fail('Parameter `insert_line` is required for command: insert');
		if (typeof newStr !== 'string')
			return fail('Parameter `new_str` is required for command: insert');
		const text = this.#files.get(path)!;
		const lines = text.split('\n');
		if (insertLine < 0 || insertLine > lines.length) {
			return fail(
				`Invalid \`insert_line\` parameter: ${insertLine}. ` +
					`It should be within the range of lines of the file: [0, ${lines.length}]`
			);
		}
		const added = newStr.split('\n');
		const next = [...lines.slice(0, insertLine), ...added, ...lines.slice(insertLine)].join('\n');
		this.#remember(path, text);
		this.#files.set(path, next);
		const shown = snippet(next, insertLine, added.length - 1, path);
		const output =
			`The file ${path} has been edited. ${shown}Review the changes and make sure they are ` +
			'as expected (correct indentation, no duplicate lines, etc). Edit the file again if necessary.';
		return { ok: true, output };
	}

	#undo(path: string): EditorResult {
		const list = this.#history.get(path);
		if (!list || list.length === 0) return fail(`No edit history found for ${path}.`);
		const before = list.pop()!;
		// Undoing the create of a new file removes it again.
		if (before === null) {
			this.#files.delete(path);
			return {
				ok: true,
				output: `Last edit to ${path} undone successfully. The file no longer exists.`
			};
		}
		this.#files.set(path, before);
		return {
			ok: true,
			output: `Last edit to ${path} undone successfully. ${viewOutput(before, path)}`
		};
	}
}
