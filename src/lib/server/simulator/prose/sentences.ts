import { intBetween, pick, type Rng } from '../random';

/** Paragraphs of body text per effort level: more effort, a longer and fuller answer. */
export type Effort = 'low' | 'medium' | 'high' | 'xhigh' | 'max';
export const PARAGRAPHS: Record<Effort, [number, number]> = {
	low: [1, 1],
	medium: [1, 2],
	high: [1, 3],
	xhigh: [3, 4],
	max: [4, 5]
};

/** Sentences that hold for almost any subject, so an answer can stay on the prompt's topic. */
const ABOUT = [
	'At its core, {t} comes down to a few choices made well.',
	'The part people often miss about {t} is how much depends on context.',
	'A good first step with {t} is to say what success looks like.',
	'{T} gets easier once the vocabulary is clear.',
	'Most trouble with {t} starts with skipping the basics.',
	'It helps to look at {t} from the side of whoever uses the result.',
	'Small experiments teach more about {t} than long plans do.',
	'When {t} feels stuck, writing the question down precisely often unsticks it.',
	'There is rarely one right answer for {t}; there are trade-offs to name.',
	'The details of {t} matter less than getting the order of steps right.',
	'Examples make {t} concrete, so start from one you know.',
	'Checking the result early keeps {t} from drifting off course.'
];
const OPENERS = ['Here is an overview.', 'Good question.', "Let's walk through it.", 'In short:'];
const CLOSERS = [
	'Let me know if you want more detail on any part.',
	'That covers the main points.',
	'Happy to go deeper on any of these.',
	'Ask a follow-up any time.'
];

export function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One sentence about the topic ("this" when the prompt names none). */
export function aboutSentence(rng: Rng, topic: string): string {
	const subject = topic || 'this';
	return pick(rng, ABOUT).replace('{t}', subject).replace('{T}', capitalize(subject));
}

export function paragraph(rng: Rng, topic: string, sentences = intBetween(rng, 2, 3)): string {
	const used = new Set<string>();
	const out: string[] = [];
	// Distinct sentences within a paragraph read less like a machine; give up after a few tries.
	for (let tries = 0; out.length < sentences && tries < sentences * 4; tries++) {
		const s = aboutSentence(rng, topic);
		if (used.has(s)) continue;
		out.push(s);
		used.add(s);
	}
	return out.join(' ');
}

export const opener = (rng: Rng) => pick(rng, OPENERS);
export const closer = (rng: Rng) => pick(rng, CLOSERS);

export function explain(rng: Rng, topic: string, effort: Effort): string {
	const parts = [topic ? `${opener(rng)} You asked about ${topic}.` : opener(rng)];
	const paragraphs = intBetween(rng, ...PARAGRAPHS[effort]);
	for (let p = 0; p < paragraphs; p++) parts.push(paragraph(rng, topic));
	// Now and then a list, so markdown rendering gets exercised in demos.
	if (rng() < 0.3) parts.push([1, 2, 3].map(() => `- ${aboutSentence(rng, topic)}`).join('\n'));
	parts.push(closer(rng));
	return parts.join('\n\n');
}

export function yesNo(rng: Rng, topic: string, effort: Effort): string {
	const verdict = pick(rng, ['Yes, in most cases', 'Usually not', 'It depends']);
	const parts = [`**Short answer: ${verdict}.**`];
	const paragraphs = intBetween(rng, ...PARAGRAPHS[effort]);
	for (let p = 0; p < paragraphs; p++) parts.push(paragraph(rng, topic));
	parts.push(closer(rng));
	return parts.join('\n\n');
}

export function noFacts(topic: string): string {
	return (
		`You asked about ${topic || 'a fact'}. The simulator answers in the shape a request asks for, ` +
		'but it knows no facts, so this is not a real answer. With an API key on the server, ' +
		'Claude answers it.'
	);
}

export const GREETING =
	"Hello! I'm the playground simulator, standing in for Claude. Ask me for a list, a haiku, " +
	"a comparison, some code or a summary of a text, and I'll answer in that shape.";
