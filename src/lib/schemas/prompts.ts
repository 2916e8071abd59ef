import { z } from 'zod';

export const PROMPT_ID = /^[0-9A-Za-z]{12}$/;
export const MAX_PROMPT_NAME = 120;

/** What a saved prompt keeps: the request as edited (a draft may be unfinished) and its headers. */
export const PromptDocumentSchema = z.object({
	request: z.record(z.string(), z.unknown()),
	betas: z.array(z.string().min(1)).default([]),
	apiVersion: z.string().min(1).optional()
});
export type PromptDocument = z.infer<typeof PromptDocumentSchema>;

/** POST /api/prompts (a new prompt) and POST /api/prompts/<id>/versions (its next version). */
export const PromptSaveSchema = PromptDocumentSchema.extend({
	name: z.string().trim().min(1, 'name must not be empty').max(MAX_PROMPT_NAME),
	/** New prompts only: visible to (and versioned by) the whole team; defaults to true. */
	shared: z.boolean().optional()
});
export type PromptSave = z.infer<typeof PromptSaveSchema>;

/** PATCH /api/prompts/<id>: a new name (its owner only). */
export const PromptRenameSchema = z.strictObject({
	name: z.string().trim().min(1, 'name must not be empty').max(MAX_PROMPT_NAME)
});
export type PromptRename = z.infer<typeof PromptRenameSchema>;

export const PromptVersionSchema = z.object({
	version: z.number().int().min(1),
	name: z.string(),
	document: PromptDocumentSchema,
	created_by: z.string(),
	created_at: z.string()
});
export type PromptVersion = z.infer<typeof PromptVersionSchema>;

/** A row of the prompt list: the prompt and who changed it last. */
export const PromptSummarySchema = z.object({
	id: z.string(),
	name: z.string(),
	owner: z.string(),
	shared: z.boolean(),
	version: z.number().int(),
	updated_by: z.string(),
	updated_at: z.string(),
	model: z.string().nullable()
});
export type PromptSummary = z.infer<typeof PromptSummarySchema>;

export const PromptDetailSchema = z.object({
	id: z.string(),
	owner: z.string(),
	shared: z.boolean(),
	/** Newest first. */
	versions: z.array(PromptVersionSchema)
});
export type PromptDetail = z.infer<typeof PromptDetailSchema>;
