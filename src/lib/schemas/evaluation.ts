import { z } from 'zod';
import { UsageSchema } from './message';

/**
 * An evaluation: prompt versions (each a Messages request template with `{{variables}}`) run
 * over test cases, with graded results. Saved in the team store and shared as read-only
 * snapshots; the browser state and the server both read it through these schemas.
 */
export const EVALUATION_ID = /^[0-9A-Za-z]{10}$/;
export const MAX_VERSIONS = 4;
export const MAX_CASES = 1000;

const Id = z.string().min(1).max(40);

export const EvalVersionSchema = z.object({
	id: Id,
	label: z.string().max(80),
	/** A Messages request body whose strings may hold `{{variable}}` placeholders. */
	template: z.record(z.string(), z.unknown()),
	/** `anthropic-version` to send; absent means the API's default. */
	apiVersion: z.string().max(20).optional(),
	/**
	 * Instead of the template's tools (those of the request it started from): `none` sends no
	 * tools, a list sends that list. Absent keeps the template's.
	 */
	tools: z
		.union([z.literal('none'), z.array(z.record(z.string(), z.unknown())).max(128)])
		.optional()
});
export type EvalVersion = z.infer<typeof EvalVersionSchema>;

export const EvalCaseSchema = z.object({
	id: Id,
	vars: z.record(z.string(), z.string()),
	/** What a good answer looks like; handed to the model grader when present. */
	ideal: z.string().optional()
});
export type EvalCase = z.infer<typeof EvalCaseSchema>;

export const GradeSchema = z.object({
	score: z.number().int().min(1).max(5),
	comment: z.string().max(4000).optional(),
	by: z.enum(['person', 'model'])
});
export type Grade = z.infer<typeof GradeSchema>;

/** The token counts a cell keeps of its answer's `Usage` (the rest is about one call, not a grid). */
export const CellUsageSchema = z.object(
	UsageSchema.pick({
		input_tokens: true,
		output_tokens: true,
		cache_creation_input_tokens: true,
		cache_read_input_tokens: true
	}).shape
);

export const CellStatusSchema = z.enum(['pending', 'running', 'done', 'error', 'stopped']);
export type CellStatus = z.infer<typeof CellStatusSchema>;

export const EvalCellSchema = z.object({
	versionId: Id,
	caseId: Id,
	status: CellStatusSchema,
	/** The answer's text blocks joined. */
	text: z.string(),
	model: z.string().optional(),
	usage: CellUsageSchema.optional(),
	costUsd: z.number().optional(),
	/** Request to last byte, for live runs. */
	latencyMs: z.number().optional(),
	error: z.string().optional(),
	/** The person's grade; wins over the model's. */
	grade: GradeSchema.optional(),
	modelGrade: GradeSchema.extend({ reasoning: z.string() }).optional()
});
export type EvalCell = z.infer<typeof EvalCellSchema>;

export const EvalRunSchema = z.object({
	id: Id,
	startedAt: z.string(),
	mode: z.enum(['live', 'batch']),
	batchId: z.string().optional(),
	/** The versions as they were when this run started, so later edits keep it comparable. */
	versions: z.array(EvalVersionSchema).min(1).max(MAX_VERSIONS),
	cells: z.array(EvalCellSchema)
});
export type EvalRun = z.infer<typeof EvalRunSchema>;

export const EvaluationInputSchema = z.object({
	name: z.string().trim().min(1).max(120),
	versions: z.array(EvalVersionSchema).min(1).max(MAX_VERSIONS),
	cases: z.array(EvalCaseSchema).max(MAX_CASES),
	/** Instructions for the model grader. */
	rubric: z.string().max(20_000),
	runs: z.array(EvalRunSchema).max(50)
});
export type EvaluationInput = z.infer<typeof EvaluationInputSchema>;

export const EvaluationSchema = EvaluationInputSchema.extend({
	id: z.string().regex(EVALUATION_ID),
	createdBy: z.string(),
	updatedBy: z.string(),
	createdAt: z.string(),
	updatedAt: z.string()
});
export type Evaluation = z.infer<typeof EvaluationSchema>;

/** One row of the evaluation list. */
export const EvaluationSummarySchema = EvaluationSchema.pick({
	id: true,
	name: true,
	createdBy: true,
	updatedBy: true,
	updatedAt: true
});
export type EvaluationSummary = z.infer<typeof EvaluationSummarySchema>;

/** A frozen, read-only copy of an evaluation, served at /evaluate/shared/<id>. */
export const EvaluationShareSchema = z.object({
	id: z.string().regex(EVALUATION_ID),
	evaluation: EvaluationSchema,
	sharedAt: z.string(),
	sharedBy: z.string()
});
export type EvaluationShare = z.infer<typeof EvaluationShareSchema>;
