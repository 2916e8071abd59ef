/**
 * What a plain-text prompt asks for, read the way a demo audience would judge the answer: a
 * haiku about autumn should be a haiku about autumn, "5 tips for learning Rust" five tips about
 * learning Rust, "Python vs Go" a comparison of those two. The simulator has no knowledge, so it
 * follows the form and the topic of the request, never facts.
 */
export type Intent =
	| { kind: 'greeting' }
	| { kind: 'poem'; form: 'haiku' | 'poem' }
	| { kind: 'code'; language: Language }
	| { kind: 'list'; count: number; noun: string }
	| { kind: 'compare'; left: string; right: string }
	| { kind: 'summary'; material: string }
	| { kind: 'yes-no' }
	| { kind: 'fact' }
	| { kind: 'explain' };

export type Language = 'python' | 'javascript' | 'typescript' | 'rust' | 'go' | 'sql' | 'bash';

export interface ReadPrompt {
	intent: Intent;
	/** What the prompt is about, as a phrase to put in sentences ("learning Rust"). */
	topic: string;
}

const NUMBER_WORDS: Record<string, number> = {
	two: 2,
	three: 3,
	four: 4,
	five: 5,
	six: 6,
	seven: 7,
	eight: 8,
	nine: 9,
	ten: 10
};
const LIST_NOUNS =
	'ideas|tips|ways|reasons|examples|steps|things|facts|names|questions|options|points|mistakes|benefits';
const LANGUAGES: [RegExp, Language][] = [
	[/\btypescript\b|\bts\b/i, 'typescript'],
	[/\bjavascript\b|\bjs\b|\bnode(\.js)?\b/i, 'javascript'],
	[/\bpython\b/i, 'python'],
	[/\brust\b/i, 'rust'],
	[/\bgolang\b|\bin go\b/i, 'go'],
	[/\bsql\b|\bquery\b/i, 'sql'],
	[/\bbash\b|\bshell\b/i, 'bash']
];
/** Lead-ins that say what to do rather than what about ("can you please explain ..."). */
const LEAD_IN = new RegExp(
	"^(?:(?:please|can you|could you|would you|i want you to|i'd like you to)\\s+)*(?:" +
		[
			'tell me(?: about)?',
			'explain',
			'describe',
			'write(?: me)?',
			'give me',
			'list',
			'name',
			'suggest',
			'summari[sz]e',
			'compare',
			"what(?:'s| is| are)",
			'how (?:do|does|can|to|should)(?: i| we| you)?',
			'why (?:is|are|do|does)',
			'who (?:is|was)',
			'when (?:is|was|did)',
			'where (?:is|are)'
		].join('|') +
		')\\s+(?:about\\s+)?',
	'i'
);

/** The first line or sentence: the instruction, before any pasted material. */
function instructionOf(prompt: string): { instruction: string; material: string } {
	const trimmed = prompt.trim();
	const colon = trimmed.search(/:\s*\n|:\s{2,}|\n\s*\n/);
	if (colon > 0 && colon < 300)
		return { instruction: trimmed.slice(0, colon), material: trimmed.slice(colon + 1).trim() };
	const line = trimmed.split('\n', 1)[0];
	// The reading regexes backtrack; a 300 KB one-line prompt must not cost seconds. The instruction
	// is what a person types first, so its first words are enough.
	const instruction = line.length > MAX_INSTRUCTION ? line.slice(0, MAX_INSTRUCTION) : line;
	return { instruction, material: trimmed.slice(line.length).trim() };
}
const MAX_INSTRUCTION = 300;

/** "learn" → "learning", "write" → "writing", "run" → "running": enough for list topics. */
export function gerund(verb: string): string {
	const v = verb.toLowerCase();
	if (v.endsWith('ie')) return v.slice(0, -2) + 'ying';
	if (/[^aeiou]e$/.test(v) && v !== 'be') return v.slice(0, -1) + 'ing';
	if (/^[^aeiou]*[aeiou][bdgmnpt]$/.test(v)) return v + v.at(-1) + 'ing';
	return v + 'ing';
}

/** The prompt's subject as a phrase: lead-in, count, list noun and end punctuation removed. */
export function topicOf(instruction: string): string {
	let topic = instruction.replace(/\s+/g, ' ').trim();
	topic = topic.replace(LEAD_IN, '');
	topic = topic.replace(
		new RegExp(`^(?:\\d+|${Object.keys(NUMBER_WORDS).join('|')})\\s+`, 'i'),
		''
	);
	const infinitive = new RegExp(`^(?:${LIST_NOUNS})\\s+to\\s+(\\w+)`, 'i').exec(topic);
	// "reasons to learn SQL" is about learning SQL.
	if (infinitive) topic = topic.replace(infinitive[0], gerund(infinitive[1]));
	topic = topic.replace(new RegExp(`^(?:${LIST_NOUNS})\\s+(?:for|about|on|of)\\s+`, 'i'), '');
	topic = topic.replace(
		/^(?:a|an|the)\s+(?:haiku|poem|limerick|short poem)\s+(?:about|on)\s+/i,
		''
	);
	topic = topic.replace(/[?.!]+$/, '').replace(/,?\s*please$/i, '');
	// "how prompt caching works" is about prompt caching; "... to a child" says how, not what.
	topic = topic.replace(/^(?:how|why|what)\s+(.+?)\s+(?:works?|happens?|matters?)$/i, '$1');
	topic = topic.replace(/\s+(?:to an? \w+|for beginners|in simple terms|like i'?m five)$/i, '');
	const words = topic.split(' ');
	return words.length > 10 ? words.slice(0, 10).join(' ') : topic;
}

function countOf(text: string): number | undefined {
	const match = new RegExp(
		`\\b(\\d+|${Object.keys(NUMBER_WORDS).join('|')})\\s+(?:\\w+\\s+)?(?:${LIST_NOUNS})\\b`,
		'i'
	).exec(text);
	if (!match) return undefined;
	const n = NUMBER_WORDS[match[1].toLowerCase()] ?? Number(match[1]);
	return Math.min(Math.max(n, 1), 12);
}

function compareOf(text: string): { left: string; right: string } | undefined {
	// "Python vs Go for a CLI tool": the compared things end where the context starts.
	const clean = (s: string) =>
		s
			.replace(/^(?:the|a|an)\s+/i, '')
			.replace(/\s+(?:for|in|when|as|on|at)\s+.*$/i, '')
			.replace(/[?.!]+$/, '')
			.trim();
	const versus = /(.+?)\s+(?:vs\.?|versus)\s+(.+)/i.exec(text.replace(LEAD_IN, ''));
	if (versus) return { left: clean(versus[1]), right: clean(versus[2]) };
	const between = /(?:compare|difference(?:s)? between)\s+(.+?)\s+(?:and|with|to)\s+(.+)/i.exec(
		text
	);
	return between ? { left: clean(between[1]), right: clean(between[2]) } : undefined;
}

export function readPrompt(prompt: string): ReadPrompt {
	const { instruction, material } = instructionOf(prompt);
	const topic = topicOf(instruction);
	const text = instruction.toLowerCase();
	const words = text.split(/\s+/).filter(Boolean);
	if (/^(hi|hello|hey|good (morning|afternoon|evening))\b/.test(text) && words.length < 6)
		return { intent: { kind: 'greeting' }, topic };
	if (/\b(haiku|poem|limerick|verse|sonnet)\b/.test(text))
		return { intent: { kind: 'poem', form: /haiku/.test(text) ? 'haiku' : 'poem' }, topic };
	if (/\b(summari[sz]e|tl;?dr|sum up|key points)\b/.test(text) && material.split(/\s+/).length > 20)
		return { intent: { kind: 'summary', material }, topic };
	const compared = compareOf(instruction);
	if (compared) return { intent: { kind: 'compare', ...compared }, topic };
	const language = LANGUAGES.find(([pattern]) => pattern.test(text))?.[1];
	const asksForCode = /\b(function|code|script|snippet|implement|regex|program|class)\b/.test(text);
	// "tips for learning Rust" names a language without asking for code; "in Rust" asks for it.
	const inLanguage = /\b(in|using|with) (python|javascript|typescript|rust|go|golang|sql|bash)\b/;
	if (asksForCode || inLanguage.test(text))
		return { intent: { kind: 'code', language: language ?? 'python' }, topic };
	const count = countOf(instruction);
	if (count !== undefined) {
		const noun = new RegExp(`\\b(${LIST_NOUNS})\\b`, 'i').exec(instruction)?.[1] ?? 'points';
		return { intent: { kind: 'list', count, noun: noun.toLowerCase() }, topic };
	}
	const polite = /^(can|could|would|will) you\b/.test(text);
	if (
		/^(is|are|can|could|should|does|do|will|would|was|has|have)\b/.test(text) &&
		text.endsWith('?') &&
		!polite
	)
		return { intent: { kind: 'yes-no' }, topic };
	// A short who/what/when/where question wants a fact, which the simulator cannot know.
	if (/^(what|who|when|where)(?:'s|\s)/.test(text) && words.length <= 12 && !/\bhow\b/.test(text))
		return { intent: { kind: 'fact' }, topic };
	return { intent: { kind: 'explain' }, topic };
}

/** How the answer will be shaped, as a line of the simulated reasoning before it. */
export function planOf({ intent, topic }: ReadPrompt): string {
	const about = topic || 'this';
	switch (intent.kind) {
		case 'greeting':
			return 'It is a greeting, so a short friendly introduction fits.';
		case 'poem':
			return intent.form === 'haiku'
				? `A haiku about ${about}: three short lines, an image from the topic, a turn at the end.`
				: `A short poem about ${about}, in two stanzas, closing on a quiet line.`;
		case 'code':
			return `They want code in ${intent.language} for ${about}; a small runnable example is best.`;
		case 'list':
			return `They asked for ${intent.count} ${intent.noun} about ${about}, so a numbered list of ${intent.count}.`;
		case 'compare':
			return `Comparing ${intent.left} and ${intent.right}: a table of trade-offs reads best.`;
		case 'summary':
			return 'They pasted a text to summarise; I will keep the lead sentence of each part.';
		case 'yes-no':
			return `A yes/no question about ${about}: lead with the verdict, then the reasons.`;
		case 'fact':
			return `This asks for a fact about ${about}.`;
		case 'explain':
			return `An explanation of ${about}: the core idea first, then what people usually miss.`;
	}
}
