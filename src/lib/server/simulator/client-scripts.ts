/**
 * What a model does with today's schema-less client tools, as short scripts read from the
 * prompt: `str_replace_based_edit_tool` (text_editor_20250728: view, create, str_replace,
 * insert — no undo_edit), `bash` (bash_20250124) and `memory` (memory_20250818, every path
 * under /memories; insert takes `insert_text`). `step` is how many calls of the tool the
 * conversation already holds; after a failed step the script recovers instead of moving on.
 */
export interface ScriptStep {
	step: number;
	lastFailed: boolean;
	/** The conversation's first user text: stable across the loop. */
	prompt: string;
}

type Input = Record<string, unknown>;

/**
 * The script's next input, or undefined once it is done. A failed step gets a recovery input
 * instead, even when it was the script's last; a failed recovery after that ends the script.
 */
function next(
	script: Input[],
	{ step, lastFailed }: ScriptStep,
	recovery: Input
): Input | undefined {
	if (lastFailed && step <= script.length) return recovery;
	return step < script.length ? script[step] : undefined;
}

const EXTENSIONS =
	'txt|md|py|js|ts|json|csv|html|css|ya?ml|toml|sh|rs|go|java|rb|sql|xml|ini|cfg|log';
const FILE_NAME = new RegExp(
	`(?:^|[\\s"'\`(])(\\/?[\\w-]+(?:\\/[\\w-]+)*\\.(?:${EXTENSIONS}))\\b`,
	'i'
);

/** "remember that I like green tea" → "The user likes green tea": the fact, told about the user. */
export function rememberedFact(prompt: string): string | undefined {
	const clause = prompt.match(
		/\b(?:remember|memorize|memorise|note)(?: that)?\s+(.+?)(?:[.!?;]|,\s*(?:and|but|then)\b|$)/i
	)?.[1];
	if (!clause) return undefined;
	const fact = clause
		.replace(/^I am\b|^I'm\b/i, 'The user is')
		.replace(/^I have\b|^I've\b/i, 'The user has')
		.replace(
			/^I (\w+?)(s?)\b/i,
			(_m, verb: string) => `The user ${verb}${/(s|sh|ch|x|o)$/.test(verb) ? 'es' : 's'}`
		)
		.replace(/\bmy\b/gi, 'their')
		.replace(/\bme\b/gi, 'them')
		.trim();
	return fact.charAt(0).toUpperCase() + fact.slice(1);
}

/** Where a remembered fact goes: preferences in their own file. */
export function memoryPath(fact: string): string {
	return /\b(likes?|loves?|prefers?|favou?rites?|hates?|enjoys?|dislikes?)\b/i.test(fact)
		? '/memories/user_preferences.md'
		: '/memories/user_facts.md';
}

/** Memory: look at the directory first (as the tool's instructions ask), then save what to remember. */
export function memoryInput(s: ScriptStep): Input | undefined {
	const fact = rememberedFact(s.prompt);
	const script: Input[] = [{ command: 'view', path: '/memories' }];
	if (fact) {
		const path = memoryPath(fact);
		const title = path.endsWith('preferences.md') ? 'User preferences' : 'About the user';
		script.push({ command: 'create', path, file_text: `# ${title}\n\n- ${fact}\n` });
	}
	// The file already exists (create refused): add the fact at its top instead.
	const recovery = fact
		? { command: 'insert', path: memoryPath(fact), insert_line: 0, insert_text: `- ${fact}\n` }
		: { command: 'view', path: '/memories' };
	return next(script, s, recovery);
}

/** The file a prompt names ("notes.txt", "/tmp/a.py"), absolute; a notes file when it names none. */
export function editorPath(prompt: string): string {
	const named = prompt.match(FILE_NAME)?.[1];
	if (named) return named.startsWith('/') ? named : `/${named}`;
	return /\bnotes?\b/i.test(prompt) ? '/notes.md' : '/draft.md';
}

/** The text a prompt asks to write: quoted, or after "with the text" / "containing" / "saying". */
export function editorText(prompt: string): string {
	const path = editorPath(prompt);
	const quoted = [...prompt.matchAll(/["“]([^"”]+)["”]/g)]
		.map((m) => m[1])
		.find((q) => !path.endsWith(q));
	const said = prompt.match(
		/\b(?:with(?: the)? (?:text|content|contents|line)|containing|saying|that says)\s*:?\s*(.+?)\s*[.!?]?\s*$/i
	)?.[1];
	const text = quoted ?? said?.replace(/^["'“]|["'”]$/g, '');
	if (text) return `${text}\n`;
	const fact = rememberedFact(prompt);
	return `# Notes\n\n- ${fact ?? flatten(prompt)}\n`;
}

function flatten(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > 80 ? flat.slice(0, 77) + '...' : flat;
}

/** "replace X with Y" / "change X to Y", when X is in the text; else the first line, marked as updated. */
export function editorReplacement(
	prompt: string,
	text: string
): { old_str: string; new_str: string } {
	const asked = prompt.match(
		/\b(?:replace|change)\s+["'“]?(.+?)["'”]?\s+(?:with|to|by)\s+["'“]?(.+?)["'”]?\s*(?:[.!?]|$)/i
	);
	if (asked && text.includes(asked[1])) return { old_str: asked[1], new_str: asked[2] };
	const first = text.split('\n').find((l) => l.trim() !== '') ?? text;
	return { old_str: first, new_str: `${first} (updated)` };
}

/** Text editor: create the file the prompt asks for, edit it with str_replace, then view it to check. */
export function editorInput(s: ScriptStep): Input | undefined {
	const path = editorPath(s.prompt);
	const file_text = editorText(s.prompt);
	const script: Input[] = [
		{ command: 'create', path, file_text },
		{ command: 'str_replace', path, ...editorReplacement(s.prompt, file_text) },
		{ command: 'view', path }
	];
	return next(script, s, { command: 'view', path });
}

const BASH_BY_TOPIC: [RegExp, string][] = [
	[/\b(files?|list|director(y|ies)|folders?|ls)\b/i, 'ls -la'],
	[/\bdisk|space\b/i, 'df -h'],
	[/\bgit\b|\bbranch\b|\bcommits?\b/i, 'git status'],
	[/\bpython\b/i, 'python3 --version'],
	[/\bnode\b|\bnpm\b/i, 'node --version'],
	[/\bprocess(es)?\b|\brunning\b/i, 'ps aux | head -n 20'],
	[/\bmemory usage\b|\bram\b/i, 'free -h']
];

/** The command a prompt gives (in backticks or quotes after "run"), else one that fits its topic. */
export function bashCommand(prompt: string): string {
	const given =
		prompt.match(/`([^`]+)`/)?.[1] ?? prompt.match(/\b(?:run|execute)\s+["“']([^"”']+)["”']/i)?.[1];
	if (given) return given.trim();
	return BASH_BY_TOPIC.find(([re]) => re.test(prompt))?.[1] ?? 'uname -a';
}

/** Bash: run the command; when the prompt names a file, show it too. A failure restarts the shell. */
export function bashInput(s: ScriptStep): Input | undefined {
	const script: Input[] = [{ command: bashCommand(s.prompt) }];
	const file = s.prompt.match(FILE_NAME)?.[1];
	if (file) script.push({ command: `cat ${file}` });
	return next(script, s, { restart: true });
}
