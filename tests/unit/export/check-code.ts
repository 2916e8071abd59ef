import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import ts from 'typescript';

/**
 * Type-checks TypeScript source against the installed @anthropic-ai/sdk, in memory. The virtual
 * file sits in the project root so module resolution finds node_modules.
 */
export function typeCheck(source: string): string[] {
	const file = resolve('generated-snippet.ts');
	const options: ts.CompilerOptions = {
		strict: true,
		noEmit: true,
		skipLibCheck: true,
		target: ts.ScriptTarget.ES2022,
		module: ts.ModuleKind.ESNext,
		moduleResolution: ts.ModuleResolutionKind.Bundler,
		types: ['node']
	};
	const host = ts.createCompilerHost(options);
	const getSourceFile = host.getSourceFile.bind(host);
	host.getSourceFile = (name, lang, ...rest) =>
		name === file ? ts.createSourceFile(name, source, lang) : getSourceFile(name, lang, ...rest);
	const fileExists = host.fileExists.bind(host);
	host.fileExists = (name) => name === file || fileExists(name);
	const program = ts.createProgram([file], options, host);
	return ts
		.getPreEmitDiagnostics(program)
		.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/** Runs a checker command with the code on stdin; returns its exit status and stderr. */
export function runChecker(command: string, args: string[], code: string) {
	const r = spawnSync(command, args, { input: code, encoding: 'utf8' });
	return { status: r.status, stderr: r.stderr, stdout: r.stdout, missing: r.error !== undefined };
}

export function hasCommand(command: string): boolean {
	return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}
