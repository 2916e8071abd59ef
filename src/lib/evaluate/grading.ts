import { z } from 'zod';

export const DEFAULT_RUBRIC =
	'Grade how well the answer does the task: correct, complete, and to the point. ' +
	'5 = excellent, 4 = good, 3 = acceptable, 2 = poor, 1 = wrong or off-topic.';

/** What the grader must answer: structured output makes the model keep to it. */
export const GRADER_SCHEMA = {
	type: 'object',
	properties: {
		reasoning: { type: 'string', description: 'Why this score, in a few sentences.' },
		score: { type: 'integer', minimum: 1, maximum: 5 }
	},
	required: ['reasoning', 'score'],
	additionalProperties: false
} as const;

const GraderAnswerSchema = z.object({
	reasoning: z.string(),
	score: z.number().int().min(1).max(5)
});
export type GraderAnswer = z.infer<typeof GraderAnswerSchema>;

export interface GraderInput {
	rubric: string;
	/** The prompt the graded answer was given (the filled-in user turns). */
	task: string;
	answer: string;
	ideal?: string;
	model: string;
}

/** The Messages request that asks a model to grade one cell. */
export function graderRequest(input: GraderInput): Record<string, unknown> {
	const sections = [
		`<rubric>\n${input.rubric}\n</rubric>`,
		`<task>\n${input.task}\n</task>`,
		input.ideal ? `<ideal_answer>\n${input.ideal}\n</ideal_answer>` : '',
		`<answer>\n${input.answer}\n</answer>`
	].filter(Boolean);
	return {
		model: input.model,
		max_tokens: 1024,
		system:
			'You grade answers against a rubric. Compare the answer with the task' +
			(input.ideal ? ' and the ideal answer' : '') +
			', explain your reasoning briefly, then give a score from 1 to 5.',
		messages: [{ role: 'user', content: sections.join('\n\n') }],
		output_config: { format: { type: 'json_schema', schema: GRADER_SCHEMA } }
	};
}

/** Reads the grader's answer; a reply that is not the asked-for JSON is an error saying so. */
export function parseGraderAnswer(text: string): GraderAnswer {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		throw new Error('The grader did not answer with JSON');
	}
	const parsed = GraderAnswerSchema.safeParse(value);
	if (!parsed.success)
		throw new Error('The grader answered without a score from 1 to 5 and its reasoning');
	return parsed.data;
}
