import { createRng } from './random';
import { codeSketch, FENCE, LANGUAGE_NAMES } from './prose/code';
import { comparison, numberedList, poem, summary } from './prose/forms';
import { readPrompt } from './prose/intent';
import { closer, explain, GREETING, noFacts, yesNo, type Effort } from './prose/sentences';

export type { Effort } from './prose/sentences';

/**
 * The simulator's plain-text answer. It follows the prompt's form and topic (a haiku about
 * autumn, five tips about Rust, a table comparing Python and Go, a summary of pasted text) and is
 * seeded, so the same request always gets the same answer. More effort, a longer answer.
 */
export function generateReply(prompt: string, seed: number, effort: Effort = 'high'): string {
	const rng = createRng(seed);
	const { intent, topic } = readPrompt(prompt);
	switch (intent.kind) {
		case 'greeting':
			return GREETING;
		case 'poem':
			return poem(rng, topic, intent.form);
		case 'code':
			return [
				`Here is a sketch in ${LANGUAGE_NAMES[intent.language]}:`,
				'```' + FENCE[intent.language] + '\n' + codeSketch(intent.language, topic) + '\n```',
				closer(rng)
			].join('\n\n');
		case 'list':
			return numberedList(rng, topic, intent.count, intent.noun);
		case 'compare':
			return comparison(rng, intent.left, intent.right, effort);
		case 'summary':
			return summary(intent.material, effort);
		case 'yes-no':
			return yesNo(rng, topic, effort);
		case 'fact':
			return noFacts(topic);
		case 'explain':
			return explain(rng, topic, effort);
	}
}
