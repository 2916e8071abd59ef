import { describe, expect, it } from 'vitest';
import {
	codeFromPrompt,
	evaluate,
	runBash,
	runPython
} from '../../../../src/lib/server/simulator/code-exec';

describe('the pretend sandbox', () => {
	it('evaluates arithmetic as Python does', () => {
		expect(evaluate('17 * 23 + 4')).toBe(395);
		expect(evaluate('(2 + 3) ** 2')).toBe(25);
		expect(evaluate('2 ** 3 ** 2')).toBe(512);
		expect(evaluate('-7 // 2')).toBe(-4);
		expect(evaluate('-7 % 3')).toBe(2);
		expect(() => evaluate('2 +')).toThrow(/SyntaxError/);
		expect(() => evaluate('import os')).toThrow(/SyntaxError/);
	});

	it('prints like Python, with a traceback on failure', () => {
		expect(runPython('print(7 / 2)\nprint(6 / 3)\nprint("hi")')).toEqual({
			stdout: '3.5\n2.0\nhi\n',
			stderr: '',
			return_code: 0
		});
		const failed = runPython('print(1)\nprint(5 % 0)');
		expect(failed).toMatchObject({ stdout: '1\n', return_code: 1 });
		expect(failed.stderr).toMatch(/ZeroDivisionError: integer modulo by zero/);
	});

	it('runs echo, python -c and redirects in bash; other commands are not found', () => {
		expect(runBash('echo "hi there"')).toEqual({
			stdout: 'hi there\n',
			stderr: '',
			return_code: 0
		});
		expect(runBash("python3 -c 'print(6 * 7)'").stdout).toBe('42\n');
		expect(runBash('echo "x" > out.txt')).toEqual({
			stdout: '',
			stderr: '',
			return_code: 0,
			files: [{ name: 'out.txt', content: 'x\n' }]
		});
		expect(runBash('rm -rf /')).toMatchObject({
			return_code: 127,
			stderr: expect.stringContaining('rm: command not found')
		});
	});

	it('finds the code a prompt asks to run', () => {
		expect(codeFromPrompt('What is 12.5 * 4 - 3?')?.python).toBe('print(12.5 * 4 - 3)');
		expect(codeFromPrompt('Please echo hello world')?.bash).toBe('echo "hello world"');
		expect(codeFromPrompt('Run this:\n```python\nprint(2 + 2)\n```')?.python).toBe('print(2 + 2)');
		expect(codeFromPrompt('Tell me a joke')).toBeUndefined();
	});
});
