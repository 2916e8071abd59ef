import { createRng, intBetween, pick, type Rng } from './random';

const OPENERS = [
	'Here is a short answer.',
	'Good question.',
	'Let me walk through it.',
	'In short:',
	'Happy to help with that.'
];
const SUBJECTS = [
	'The request',
	'This prompt',
	'A well-structured message',
	'Streaming output',
	'The model',
	'Prompt caching',
	'A tool call'
];
const VERBS = ['shows', 'explains', 'suggests', 'keeps', 'returns', 'describes', 'highlights'];
const OBJECTS = [
	'how tokens are counted',
	'the order of stream events',
	'what the usage numbers mean',
	'a clear next step',
	'the shape of the response',
	'why latency matters',
	'the cost of each turn'
];
const CLOSERS = [
	'Let me know if you want more detail.',
	'That covers the main points.',
	'Hope this helps.',
	'Ask a follow-up any time.'
];

function sentence(rng: Rng): string {
	return `${pick(rng, SUBJECTS)} ${pick(rng, VERBS)} ${pick(rng, OBJECTS)}.`;
}

/**
 * Plausible assistant text for a prompt: greets a greeting, quotes the topic, and adds a
 * few seeded sentences, sometimes a list or a code block so markdown rendering gets used.
 */
export type Effort = 'low' | 'medium' | 'high' | 'xhigh' | 'max';

/** Paragraphs of body text per effort level: more effort, a longer and fuller answer. */
const PARAGRAPHS: Record<Effort, [number, number]> = {
	low: [1, 1],
	medium: [1, 2],
	high: [1, 3],
	xhigh: [3, 4],
	max: [4, 5]
};

export function generateReply(prompt: string, seed: number, effort: Effort = 'high'): string {
	const rng = createRng(seed);
	const topic = prompt.replace(/\s+/g, ' ').trim().slice(0, 60);
	const parts: string[] = [];
	if (/^(hi|hello|hey)\b/i.test(topic))
		parts.push("Hello! I'm the playground simulator, standing in for Claude.");
	else if (topic) parts.push(`${pick(rng, OPENERS)} You asked: "${topic}".`);
	else parts.push(pick(rng, OPENERS));
	const paragraphs = intBetween(rng, ...PARAGRAPHS[effort]);
	for (let p = 0; p < paragraphs; p++) {
		const n = intBetween(rng, 2, 4);
		parts.push(Array.from({ length: n }, () => sentence(rng)).join(' '));
	}
	const extra = rng();
	if (extra < 0.25) {
		parts.push(['- ' + sentence(rng), '- ' + sentence(rng), '- ' + sentence(rng)].join('\n'));
	} else if (extra < 0.4) {
		parts.push('```js\nconst answer = ' + intBetween(rng, 1, 99) + ';\nconsole.log(answer);\n```');
	}
	parts.push(pick(rng, CLOSERS));
	return parts.join('\n\n');
}
