/**
 * Client tools at their current versions (SDK `ToolTextEditor20250728`, `ToolBash20250124`,
 * `MemoryTool20250818`, `ComputerToolset20260801`): their definitions, which calls the
 * browser runs itself (text editor and memory, on the in-browser file system), and the
 * obsolete 2024 versions, which the picker no longer offers but an old request still shows.
 */
import type { EditorResult, VirtualFs } from './vfs';

export const CLIENT_TOOL_TYPES = [
	'text_editor_20250728',
	'bash_20250124',
	'memory_20250818',
	'computer_toolset_20260801'
] as const;
export type ClientToolType = (typeof CLIENT_TOOL_TYPES)[number];

export const CLIENT_TOOL_LABELS: Record<ClientToolType, string> = {
	text_editor_20250728: 'Text editor',
	bash_20250124: 'Bash',
	memory_20250818: 'Memory',
	computer_toolset_20260801: 'Computer'
};

/** The 2024 computer-use tools: obsolete (their beta flag with them). */
export const OBSOLETE_TOOL_TYPES = [
	'computer_20241022',
	'bash_20241022',
	'text_editor_20241022',
	'text_editor_20250124',
	'text_editor_20250429'
] as const;

export const EDITOR_TOOL_NAME = 'str_replace_based_edit_tool';
export const LEGACY_EDITOR_TOOL_NAME = 'str_replace_editor';
export const MEMORY_TOOL_NAME = 'memory';
export const MEMORY_ROOT = '/memories';

/** The members of computer_toolset_20260801: each one is its own tool_use name. */
export const COMPUTER_MEMBERS = [
	'screenshot',
	'left_click',
	'right_click',
	'middle_click',
	'double_click',
	'triple_click',
	'mouse_move',
	'left_click_drag',
	'left_mouse_down',
	'left_mouse_up',
	'scroll',
	'type',
	'key',
	'hold_key',
	'wait',
	'zoom',
	'cursor_position'
] as const;

export function clientToolDef(type: ClientToolType): Record<string, unknown> {
	switch (type) {
		case 'text_editor_20250728':
			return { type, name: EDITOR_TOOL_NAME };
		case 'bash_20250124':
			return { type, name: 'bash' };
		case 'memory_20250818':
			return { type, name: MEMORY_TOOL_NAME };
		case 'computer_toolset_20260801':
			return { type };
	}
}

export function isObsoleteTool(def: Record<string, unknown>): boolean {
	return (OBSOLETE_TOOL_TYPES as readonly unknown[]).includes(def.type);
}

export type BrowserTool = 'editor' | 'legacy-editor' | 'memory';

/** Which calls the browser answers itself, by the tool_use name. */
export function browserToolOf(name: string): BrowserTool | null {
	if (name === EDITOR_TOOL_NAME) return 'editor';
	if (name === LEGACY_EDITOR_TOOL_NAME) return 'legacy-editor';
	if (name === MEMORY_TOOL_NAME) return 'memory';
	return null;
}

/** A computer action: a member of the 2026 toolset, or the 2024 tool named `computer`. */
export function isComputerCall(name: string): boolean {
	return name === 'computer' || (COMPUTER_MEMBERS as readonly string[]).includes(name);
}

/** The call's input in the 2024 `{action, ...}` shape the screen replays. */
export function computerInput(
	name: string,
	input: Record<string, unknown>
): Record<string, unknown> {
	return name === 'computer' ? input : { ...input, action: name };
}

const EDITOR_2025_COMMANDS = ['view', 'create', 'str_replace', 'insert'];
const MEMORY_COMMANDS = ['view', 'create', 'str_replace', 'insert', 'delete', 'rename'];

const underMemories = (p: unknown) =>
	typeof p === 'string' && (p === MEMORY_ROOT || p.startsWith(MEMORY_ROOT + '/'));

/** The memory tool: every path lives under /memories; insert's text is `insert_text`. */
function runMemory(vfs: VirtualFs, input: Record<string, unknown>): EditorResult {
	const command = input.command;
	if (typeof command !== 'string' || !MEMORY_COMMANDS.includes(command)) {
		return {
			ok: false,
			error:
				`Unrecognized command ${String(command)}. ` +
				`The allowed commands for the memory tool are: ${MEMORY_COMMANDS.join(', ')}`
		};
	}
	const paths = command === 'rename' ? [input.old_path, input.new_path] : [input.path];
	const outside = paths.find((p) => !underMemories(p));
	if (outside !== undefined)
		return {
			ok: false,
			error: `The path ${String(outside)} is outside ${MEMORY_ROOT}; the memory tool only works under ${MEMORY_ROOT}`
		};
	if (command === 'delete') return vfs.delete(input.path as string);
	if (command === 'rename') return vfs.rename(input.old_path as string, input.new_path as string);
	const mapped =
		command === 'insert' ? { ...input, new_str: input.insert_text ?? input.new_str } : input;
	// Viewing the empty memory directory lists nothing rather than failing.
	if (command === 'view' && input.path === MEMORY_ROOT && !vfs.hasUnder(MEMORY_ROOT)) {
		return {
			ok: true,
			output: `Here're the files and directories up to 2 levels deep in ${MEMORY_ROOT}, excluding hidden items:\n`
		};
	}
	return vfs.run(mapped, MEMORY_TOOL_NAME, MEMORY_COMMANDS.slice(0, 4));
}

export function runBrowserTool(
	vfs: VirtualFs,
	tool: BrowserTool,
	input: Record<string, unknown>
): EditorResult {
	switch (tool) {
		case 'editor':
			return vfs.run(input, EDITOR_TOOL_NAME, EDITOR_2025_COMMANDS);
		case 'legacy-editor':
			return vfs.run(input);
		case 'memory':
			return runMemory(vfs, input);
	}
}
