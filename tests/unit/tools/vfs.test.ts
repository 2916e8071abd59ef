import { describe, expect, it } from 'vitest';
import { VirtualFs, type EditorResult } from '$lib/tools/vfs';

const ok = (r: EditorResult) => {
	if (!r.ok) throw new Error(`expected success, got: ${r.error}`);
	return r.output;
};
const err = (r: EditorResult) => {
	if (r.ok) throw new Error(`expected an error, got: ${r.output}`);
	return r.error;
};

function withFile(text = 'one\ntwo\nthree') {
	return new VirtualFs({ '/repo/a.txt': text });
}

describe('VirtualFs: view', () => {
	it('shows a file with cat -n line numbers', () => {
		expect(ok(withFile().run({ command: 'view', path: '/repo/a.txt' }))).toBe(
			"Here's the result of running `cat -n` on /repo/a.txt:\n     1\tone\n     2\ttwo\n     3\tthree\n"
		);
	});
	it('shows a line range, -1 meaning to the end', () => {
		const fs = withFile();
		expect(ok(fs.run({ command: 'view', path: '/repo/a.txt', view_range: [2, 2] }))).toContain(
			'     2\ttwo\n'
		);
		expect(ok(fs.run({ command: 'view', path: '/repo/a.txt', view_range: [2, 2] }))).not.toContain(
			'three'
		);
		expect(ok(fs.run({ command: 'view', path: '/repo/a.txt', view_range: [2, -1] }))).toContain(
			'     3\tthree'
		);
	});
	it('refuses bad ranges', () => {
		const fs = withFile();
		expect(err(fs.run({ command: 'view', path: '/repo/a.txt', view_range: [1] }))).toMatch(
			/list of two integers/
		);
		expect(err(fs.run({ command: 'view', path: '/repo/a.txt', view_range: [0, 2] }))).toMatch(
			/first element `0`/
		);
		expect(err(fs.run({ command: 'view', path: '/repo/a.txt', view_range: [2, 9] }))).toMatch(
			/second element `9`/
		);
		expect(err(fs.run({ command: 'view', path: '/repo/a.txt', view_range: [3, 2] }))).toMatch(
			/second element `2`/
		);
	});
	it('lists a directory two levels deep, hiding dot files', () => {
		const fs = new VirtualFs({
			'/r/a.txt': '',
			'/r/src/b.ts': '',
			'/r/src/deep/c.ts': '',
			'/r/.git/x': ''
		});
		const out = ok(fs.run({ command: 'view', path: '/r' }));
		expect(out).toContain('/r/a.txt\n/r/src\n/r/src/b.ts\n/r/src/deep\n');
		expect(out).not.toContain('c.ts');
		expect(out).not.toContain('.git');
		expect(err(fs.run({ command: 'view', path: '/r', view_range: [1, 2] }))).toMatch(
			/not allowed .* directory/
		);
	});
	it('reports a missing path and a relative path', () => {
		expect(err(withFile().run({ command: 'view', path: '/repo/missing.txt' }))).toBe(
			'The path /repo/missing.txt does not exist. Please provide a valid path.'
		);
		expect(err(withFile().run({ command: 'view', path: 'repo/a.txt' }))).toMatch(
			/not an absolute path.*Maybe you meant \/repo\/a.txt/
		);
	});
});

describe('VirtualFs: create', () => {
	it('creates a file', () => {
		const fs = new VirtualFs();
		expect(ok(fs.run({ command: 'create', path: '/tmp/n.md', file_text: '# Hi\n' }))).toBe(
			'File created successfully at: /tmp/n.md'
		);
		expect(fs.files()).toEqual({ '/tmp/n.md': '# Hi\n' });
	});
	it('refuses to overwrite a file or a directory, and needs file_text', () => {
		const fs = withFile();
		expect(err(fs.run({ command: 'create', path: '/repo/a.txt', file_text: 'x' }))).toMatch(
			/File already exists at: \/repo\/a.txt/
		);
		expect(err(fs.run({ command: 'create', path: '/repo', file_text: 'x' }))).toMatch(
			/already exists/
		);
		expect(err(fs.run({ command: 'create', path: '/tmp/b' }))).toBe(
			'Parameter `file_text` is required for command: create'
		);
		expect(fs.files()['/repo/a.txt']).toBe('one\ntwo\nthree');
	});
});

describe('VirtualFs: str_replace', () => {
	it('replaces a unique match and shows a snippet', () => {
		const fs = withFile();
		const out = ok(
			fs.run({ command: 'str_replace', path: '/repo/a.txt', old_str: 'two', new_str: 'TWO' })
		);
		expect(out).toMatch(/^The file \/repo\/a.txt has been edited\./);
		expect(out).toContain('     2\tTWO');
		expect(fs.files()['/repo/a.txt']).toBe('one\nTWO\nthree');
	});
	it('deletes the match when new_str is omitted', () => {
		const fs = withFile();
		ok(fs.run({ command: 'str_replace', path: '/repo/a.txt', old_str: 'two\n' }));
		expect(fs.files()['/repo/a.txt']).toBe('one\nthree');
	});
	it('refuses no match, several matches and a missing old_str, leaving the file alone', () => {
		const fs = withFile('x\ny\nx');
		expect(
			err(fs.run({ command: 'str_replace', path: '/repo/a.txt', old_str: 'zzz', new_str: 'q' }))
		).toBe('No replacement was performed, old_str `zzz` did not appear verbatim in /repo/a.txt.');
		expect(
			err(fs.run({ command: 'str_replace', path: '/repo/a.txt', old_str: 'x', new_str: 'q' }))
		).toMatch(/Multiple occurrences of old_str `x` in lines \[1,3\]/);
		expect(err(fs.run({ command: 'str_replace', path: '/repo/a.txt', new_str: 'q' }))).toMatch(
			/`old_str` is required/
		);
		expect(
			err(fs.run({ command: 'str_replace', path: '/repo/a.txt', old_str: 'y', new_str: 5 }))
		).toMatch(/`new_str` must be a string/);
		expect(fs.files()['/repo/a.txt']).toBe('x\ny\nx');
	});
	it('refuses a missing file and a directory', () => {
		expect(
			err(withFile().run({ command: 'str_replace', path: '/nope', old_str: 'a', new_str: 'b' }))
		).toMatch(/does not exist/);
		expect(
			err(withFile().run({ command: 'str_replace', path: '/repo', old_str: 'a', new_str: 'b' }))
		).toMatch(/is a directory/);
	});
});

describe('VirtualFs: insert', () => {
	it('inserts after the given line (0 = at the top)', () => {
		const fs = withFile();
		ok(
			fs.run({ command: 'insert', path: '/repo/a.txt', insert_line: 1, new_str: 'one and a half' })
		);
		expect(fs.files()['/repo/a.txt']).toBe('one\none and a half\ntwo\nthree');
		ok(fs.run({ command: 'insert', path: '/repo/a.txt', insert_line: 0, new_str: 'zero' }));
		expect(fs.files()['/repo/a.txt'].split('\n')[0]).toBe('zero');
		ok(fs.run({ command: 'insert', path: '/repo/a.txt', insert_line: 5, new_str: 'end' }));
		expect(fs.files()['/repo/a.txt'].endsWith('three\nend')).toBe(true);
	});
	it('refuses a line out of range and missing parameters', () => {
		const fs = withFile();
		expect(
			err(fs.run({ command: 'insert', path: '/repo/a.txt', insert_line: 4, new_str: 'x' }))
		).toBe(
			'Invalid `insert_line` parameter: 4. It should be within the range of lines of the file: [0, 3]'
		);
		expect(
			err(fs.run({ command: 'insert', path: '/repo/a.txt', insert_line: -1, new_str: 'x' }))
		).toMatch(/Invalid `insert_line`/);
		expect(err(fs.run({ command: 'insert', path: '/repo/a.txt', new_str: 'x' }))).toMatch(
			/`insert_line` is required/
		);
		expect(err(fs.run({ command: 'insert', path: '/repo/a.txt', insert_line: 1 }))).toMatch(
			/`new_str` is required/
		);
	});
});

describe('VirtualFs: undo_edit', () => {
	it('undoes edits one at a time, newest first, and a create removes the file', () => {
		const fs = new VirtualFs();
		ok(fs.run({ command: 'create', path: '/f', file_text: 'a' }));
		ok(fs.run({ command: 'str_replace', path: '/f', old_str: 'a', new_str: 'b' }));
		ok(fs.run({ command: 'insert', path: '/f', insert_line: 1, new_str: 'c' }));
		expect(ok(fs.run({ command: 'undo_edit', path: '/f' }))).toMatch(
			/Last edit to \/f undone successfully/
		);
		expect(fs.files()['/f']).toBe('b');
		ok(fs.run({ command: 'undo_edit', path: '/f' }));
		expect(fs.files()['/f']).toBe('a');
		ok(fs.run({ command: 'undo_edit', path: '/f' }));
		expect(fs.files()).toEqual({});
	});
	it('reports when there is nothing to undo', () => {
		expect(err(withFile().run({ command: 'undo_edit', path: '/repo/a.txt' }))).toBe(
			'No edit history found for /repo/a.txt.'
		);
	});
	it('does not record failed edits', () => {
		const fs = withFile();
		err(fs.run({ command: 'str_replace', path: '/repo/a.txt', old_str: 'nope', new_str: 'x' }));
		expect(err(fs.run({ command: 'undo_edit', path: '/repo/a.txt' }))).toMatch(/No edit history/);
	});
});

describe('VirtualFs: bad calls', () => {
	it('names the allowed commands for an unknown one and needs a path', () => {
		expect(err(withFile().run({ command: 'delete', path: '/repo/a.txt' }))).toMatch(
			/Unrecognized command delete\. The allowed commands .* view, create, str_replace, insert, undo_edit/
		);
		expect(err(withFile().run({ path: '/repo/a.txt' }))).toMatch(/Unrecognized command undefined/);
		expect(err(withFile().run({ command: 'view' }))).toBe(
			'Parameter `path` is required for command: view'
		);
	});
});
