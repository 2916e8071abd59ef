import { z } from 'zod';
import { MessageSchema } from './message';
import { MessageCreateParamsSchema } from './request';

/** Bump when the stored shape changes; older documents then get a clear "cannot read" page. */
export const PERMALINK_VERSION = 1 as const;
export const PERMALINK_ID = /^[0-9A-Za-z]{10}$/;

/** One SSE event as the browser received it, with its arrival time in ms since the request. */
export const RunEventSchema = z.object({
	event: z.string(),
	data: z.string(),
	at: z.number().min(0)
});
export type RunEvent = z.infer<typeof RunEventSchema>;

export const PermalinkResultSchema = z.object({
	/** The final assembled message, when the run got that far. */
	message: MessageSchema.nullish(),
	events: z.array(RunEventSchema).optional(),
	error: z.object({ type: z.string(), message: z.string() }).nullish(),
	/** A tool-use loop's transcript; its shape belongs to the tool runner, so it is kept as-is. */
	transcript: z.unknown().optional()
});
export type PermalinkResult = z.infer<typeof PermalinkResultSchema>;

/** What a client posts to /api/permalinks. */
export const PermalinkInputSchema = z.object({
	request: MessageCreateParamsSchema,
	betas: z.array(z.string().min(1)).optional(),
	result: PermalinkResultSchema.optional()
});
export type PermalinkInput = z.infer<typeof PermalinkInputSchema>;

/** What is stored and served: the input plus identity and provenance. */
export const PermalinkDocumentSchema = PermalinkInputSchema.extend({
	version: z.literal(PERMALINK_VERSION),
	id: z.string().regex(PERMALINK_ID),
	created_at: z.string(),
	created_by: z.string()
});
export type PermalinkDocument = z.infer<typeof PermalinkDocumentSchema>;

/** One column of a shared comparison: the request it sent, with which API version, and its answer. */
export const ComparisonColumnSchema = z.object({
	label: z.string().min(1).max(8),
	api_version: z.string().min(1),
	request: MessageCreateParamsSchema,
	result: PermalinkResultSchema
});
export type ComparisonColumn = z.infer<typeof ComparisonColumnSchema>;

/** What the compare page posts to /api/permalinks to share a whole comparison. */
export const ComparisonInputSchema = z.object({
	kind: z.literal('comparison'),
	prompt: z.string(),
	columns: z.array(ComparisonColumnSchema).min(2).max(4)
});
export type ComparisonInput = z.infer<typeof ComparisonInputSchema>;

export const ComparisonDocumentSchema = ComparisonInputSchema.extend({
	version: z.literal(PERMALINK_VERSION),
	id: z.string().regex(PERMALINK_ID),
	created_at: z.string(),
	created_by: z.string()
});
export type ComparisonDocument = z.infer<typeof ComparisonDocumentSchema>;

/** Anything a permalink id opens: one request (no `kind`) or a comparison. */
export const SharedDocumentSchema = z.union([ComparisonDocumentSchema, PermalinkDocumentSchema]);
export type SharedDocument = z.infer<typeof SharedDocumentSchema>;
