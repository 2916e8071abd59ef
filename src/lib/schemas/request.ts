import { z } from 'zod';
import { CacheControlSchema, unknownTypeSchema } from './common';
import { ContentBlockParamSchema, TextBlockParamSchema } from './content';
import { ToolChoiceSchema, ToolSchema } from './tools';

/*
 * Request bodies as SDK 1.14's `MessageCreateParams`, `BetaMessageCreateParams`,
 * `MessageCountTokensParams` and batch-create params allow them (tests/types proves it).
 * Fields we check get a 400 naming them when malformed; any other field passes untouched.
 */

/** `system` messages may sit among the turns since API 2026-10-21. */
export const RoleSchema = z.enum(['user', 'assistant', 'system']);

export const TurnContentSchema = z.union([z.string(), z.array(ContentBlockParamSchema)]);
export type TurnContent = z.infer<typeof TurnContentSchema>;
/** A turn: its role, then its content (a beta `system` turn may have none, e.g. to clear). */
export const MessageParamSchema = z.discriminatedUnion('role', [
	z.looseObject({ role: z.literal('user'), content: TurnContentSchema }),
	z.looseObject({ role: z.literal('assistant'), content: TurnContentSchema }),
	z.looseObject({ role: z.literal('system'), content: TurnContentSchema.optional() })
]);
export type MessageParam = z.infer<typeof MessageParamSchema>;

export const SystemSchema = z.union([z.string(), z.array(TextBlockParamSchema)]);

const display = { display: z.enum(['summarized', 'omitted', 'updates']).nullish() };
const THINKING_TYPES = ['enabled', 'adaptive', 'disabled', 'between_tools'] as const;
/** Budget rules (>= 1024, < max_tokens) are the API's to state; we check the shape. */
export const KnownThinkingConfigSchema = z.discriminatedUnion('type', [
	z.looseObject({ type: z.literal('enabled'), budget_tokens: z.number().int().min(0), ...display }),
	z.looseObject({ type: z.literal('adaptive'), ...display }),
	z.looseObject({ type: z.literal('disabled') }),
	z.looseObject({ type: z.literal('between_tools') })
]);
export const ThinkingConfigSchema = z.union([
	KnownThinkingConfigSchema,
	unknownTypeSchema(THINKING_TYPES)
]);

export const EFFORTS = ['low', 'medium', 'high', 'xhigh', 'max'] as const;
export const JsonOutputFormatSchema = z.looseObject({
	type: z.literal('json_schema'),
	schema: z.record(z.string(), z.unknown())
});
export const OutputConfigSchema = z.looseObject({
	effort: z.enum(EFFORTS).nullish(),
	format: z.union([JsonOutputFormatSchema, unknownTypeSchema(['json_schema'])]).nullish()
});

const SkillSchema = z.looseObject({
	skill_id: z.string().min(1),
	type: z.string(),
	version: z.string().optional()
});
const ContainerSchema = z.union([
	z.string(),
	z.looseObject({
		id: z.string().nullish(),
		skills: z.array(SkillSchema).nullish()
	})
]);

/** Fields shared by a Messages request and a count_tokens request. */
const promptFields = {
	model: z.string().min(1, 'model must not be empty'),
	messages: z.array(MessageParamSchema),
	system: SystemSchema.optional(),
	tools: z.array(ToolSchema).optional(),
	tool_choice: ToolChoiceSchema.optional(),
	thinking: ThinkingConfigSchema.optional(),
	output_config: OutputConfigSchema.optional(),
	// Top-level automatic caching marker; `null` is how the SDK says "none".
	cache_control: CacheControlSchema.nullish(),
	speed: z.enum(['standard', 'fast']).nullish(),
	// The SDK sends these two as headers; inside a batch request they travel in the body.
	user_profile_id: z.string().optional(),
	workspace_id: z.string().optional()
};

export const MessageCreateParamsSchema = z.looseObject({
	...promptFields,
	// 0 is allowed: it pre-warms the prompt cache without generating.
	max_tokens: z.number().int().min(0),
	metadata: z.looseObject({ user_id: z.string().max(256).nullish() }).optional(),
	stop_sequences: z.array(z.string()).optional(),
	stream: z.boolean().optional(),
	service_tier: z.enum(['auto', 'standard_only']).optional(),
	inference_geo: z.string().nullish(),
	container: ContainerSchema.nullish(),
	diagnostics: z.looseObject({ previous_message_id: z.string().nullish() }).nullish(),
	// Gone from the SDK (a 400 under API 2026-10-21) but valid under 2023-06-01.
	temperature: z.number().min(0).max(1).optional(),
	top_k: z.number().int().min(0).optional(),
	top_p: z.number().min(0).max(1).optional()
});
export type MessageCreateParams = z.infer<typeof MessageCreateParamsSchema>;

export const CountTokensParamsSchema = z.looseObject(promptFields);
export type CountTokensParams = z.infer<typeof CountTokensParamsSchema>;

export const CountTokensResponseSchema = z.looseObject({ input_tokens: z.number().int().min(0) });
