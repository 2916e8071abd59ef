import type { ComputerTool } from '$lib/schemas';
import { hashString, intBetween, pick, type Rng } from './random';

/**
 * Inputs for the 2024 computer-use beta tools, as a short scripted demo: each tool_result
 * gets the next realistic action, and after the last step the model answers in text.
 * `step` is how many calls of this tool the conversation already holds.
 */
export type BetaToolType = 'computer_20241022' | 'bash_20241022' | 'text_editor_20241022';

export interface BetaStep {
	step: number;
	/** The result of the previous call was an error: recover instead of moving on. */
	lastFailed: boolean;
	/** The conversation's first user text: stable across the loop, unlike the per-request rng. */
	prompt: string;
	rng: Rng;
}

export function betaToolType(tool: unknown): BetaToolType | undefined {
	const type = (tool as { type?: string })?.type;
	return type === 'computer_20241022' || type === 'bash_20241022' || type === 'text_editor_20241022'
		? type
		: undefined;
}

/** The next action for a beta tool, or undefined when the demo has run its course. */
export function betaToolInput(
	tool: unknown,
	type: BetaToolType,
	s: BetaStep
): Record<string, unknown> | undefined {
	switch (type) {
		case 'computer_20241022':
			return computerAction(tool as ComputerTool, s);
		case 'bash_20241022':
			return bashAction(s);
		case 'text_editor_20241022':
			return editorAction(s);
	}
}

function computerAction(
	tool: ComputerTool,
	{ step, lastFailed, prompt, rng }: BetaStep
): Record<string, unknown> | undefined {
	// Coordinates stay inside the display the tool declares.
	const x = intBetween(rng, 0, tool.display_width_px - 1);
	const y = intBetween(rng, 0, tool.display_height_px - 1);
	const words =
		prompt.match(/"([^"]{1,40})"/)?.[1] ??
		pick(rng, ['weather in Paris', 'release notes', 'hello world']);
	const script: Record<string, unknown>[] = [
		{ action: 'screenshot' },
		{ action: 'mouse_move', coordinate: [x, y] },
		{ action: 'left_click' },
		{ action: 'type', text: words },
		{ action: 'key', text: 'Return' }
	];
	return recover(script, step, lastFailed, { action: 'screenshot' });
}

function bashAction({ step, lastFailed, prompt }: BetaStep): Record<string, unknown> | undefined {
	const wantsFiles = /file|list|director|folder|ls\b/i.test(prompt);
	const script = [
		wantsFiles ? 'ls -la' : 'uname -a',
		'cat README.md | head -n 20',
		'echo "done"'
	].map((command) => ({ command }));
	return recover(script, step, lastFailed, { restart: true });
}

const EDITOR_FILES = ['/tmp/notes.md', '/tmp/todo.md', '/tmp/draft.md'];

function editorAction({ step, lastFailed, prompt }: BetaStep): Record<string, unknown> | undefined {
	// Every step must name the file the create step wrote, so the path comes from the prompt.
	const path = EDITOR_FILES[hashString(prompt) % EDITOR_FILES.length];
	const script: Record<string, unknown>[] = [
		{ command: 'create', path, file_text: '# Notes\n\nFirst line.\nSecond line.\n' },
		{ command: 'str_replace', path, old_str: 'First line.', new_str: 'First line, edited.' },
		{ command: 'insert', path, insert_line: 2, new_str: 'Inserted line.' },
		{ command: 'view', path }
	];
	return recover(script, step, lastFailed, { command: 'undo_edit', path });
}

/** The script's next step; after a failed step a recovery action, until the script's length is used up. */
function recover(
	script: Record<string, unknown>[],
	step: number,
	lastFailed: boolean,
	recovery: Record<string, unknown>
) {
	if (step >= script.length) return undefined;
	return lastFailed ? recovery : script[step];
}
