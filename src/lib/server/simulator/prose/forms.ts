import { pick, type Rng } from '../random';
import { aboutSentence, capitalize, closer, type Effort } from './sentences';

/** Answers with a shape of their own: numbered lists, comparison tables, summaries, poems. */

const HEADLINES = [
	'Start small',
	'Know the goal',
	'Learn from others',
	'Measure it',
	'Keep notes',
	'Ask early',
	'Cut the extra',
	'Time-box it',
	'Automate the boring parts',
	'Teach it',
	'Revisit the basics',
	'Compare two options'
];

export function numberedList(rng: Rng, topic: string, count: number, noun: string): string {
	const about = topic || 'this';
	const start = Math.floor(rng() * HEADLINES.length);
	const items = Array.from({ length: count }, (_, i) => {
		const headline = HEADLINES[(start + i) % HEADLINES.length];
		return `${i + 1}. **${headline}.** ${aboutSentence(rng, about)}`;
	});
	return [`Here are ${count} ${noun} for ${about}:`, items.join('\n'), closer(rng)].join('\n\n');
}

/** Each row names a trade-off; which side gets which end is the seed's choice. */
const ASPECTS: [string, string, string][] = [
	['Best for', 'getting started quickly', 'large, long-lived work'],
	['Learning curve', 'gentle', 'steeper'],
	['Flexibility', 'opinionated defaults', 'many ways to do it'],
	['Community', 'large and busy', 'smaller, focused'],
	['Cost', 'lower up front', 'lower over time']
];

export function comparison(rng: Rng, left: string, right: string, effort: Effort): string {
	const rows = effort === 'low' ? ASPECTS.slice(0, 3) : ASPECTS;
	const table = [
		`| | ${left} | ${right} |`,
		'|---|---|---|',
		...rows.map(([aspect, a, b]) =>
			rng() < 0.5 ? `| ${aspect} | ${a} | ${b} |` : `| ${aspect} | ${b} | ${a} |`
		)
	].join('\n');
	return [
		`Here is how ${left} and ${right} compare:`,
		table,
		`Pick by what matters most to you. ${aboutSentence(rng, `choosing between ${left} and ${right}`)}`,
		closer(rng)
	].join('\n\n');
}

const SUMMARY_POINTS: Record<Effort, number> = { low: 2, medium: 3, high: 3, xhigh: 4, max: 5 };

/** An extractive summary: the lead sentence of each paragraph of the pasted text, shortened. */
export function summary(material: string, effort: Effort): string {
	const paragraphs = material
		.split(/\n\s*\n|\n/)
		.map((p) => p.trim())
		.filter(Boolean);
	const leads = paragraphs.map((p) => p.split(/(?<=[.!?])\s+/)[0]);
	const sentences = leads.length >= 2 ? leads : material.split(/(?<=[.!?])\s+/);
	const shorten = (s: string) => {
		const words = s.trim().split(/\s+/);
		return words.length > 30 ? words.slice(0, 30).join(' ') + '…' : s.trim();
	};
	const points = sentences.filter(Boolean).slice(0, SUMMARY_POINTS[effort]).map(shorten);
	return ['Here are the key points:', points.map((p) => `- ${p}`).join('\n')].join('\n\n');
}

const HAIKU: [string[], string[], string[]] = [
	['Quiet {k} wakes', 'Morning light on {k}', 'Soft rain over {k}', 'Late wind finds {k}'],
	[
		'every small thing holds its breath',
		'a slow path the old ones knew',
		'the world turns a little more'
	],
	['and then it is gone', 'we begin again', 'still, and then moving', 'the day lets it be']
];
const STANZAS = [
	['I came to {k} with questions in my hands,', 'and left with fewer answers, more to see;'],
	['the ordinary hours of {k} unfold', 'like paper lanterns drifting on a stream;'],
	['There is a patience hidden inside {k},', 'a kind of light that only waiting shows;'],
	['So let the evening settle over {k},', 'and keep what mattered, set the rest aside.']
];

export function poem(rng: Rng, topic: string, form: 'haiku' | 'poem'): string {
	const key = topic || 'the day';
	if (form === 'haiku')
		return HAIKU.map((lines) => pick(rng, lines).replace('{k}', key)).join('\n');
	// The closing couplet stays last; the seed orders the three before it.
	const middle = [0, 1, 2].sort(() => rng() - 0.5);
	const lines = [...middle, 3].flatMap((i) => STANZAS[i].map((l) => l.replace('{k}', key)));
	return `**${capitalize(key)}**\n\n${lines.slice(0, 4).join('\n')}\n\n${lines.slice(4).join('\n')}`;
}
