import { z } from 'zod';
import { CacheControlSchema } from './common';
import { ContentBlockParamSchema, TextBlockParamSchema } from './content';
import { ToolChoiceSchema, ToolSchema } from './tools';

export const RoleSchema = z.enum(['user', 'assistant']);

export const MessageParamSchema = z.looseObject({
	role: RoleSchema,
	content: z.union([z.string(), z.array(ContentBlockParamSchema)])
});
export type MessageParam = z.infer<typeof MessageParamSchema>;

export const SystemSchema = z.union([z.string(), z.array(TextBlockParamSchema)]);

/** Fields shared by a Messages request and a count_tokens request. */
const promptFields = {
	model: z.string().min(1, 'model must not be empty'),
	messages: z.array(MessageParamSchema),
	system: SystemSchema.optional(),
	tools: z.array(ToolSchema).optional(),
	tool_choice: ToolChoiceSchema.optional()
};

export const MessageCreateParamsSchema = z.looseObject({
	...promptFields,
	max_tokens: z.number().int().min(1),
	metadata: z.looseObject({ user_id: z.string().max(256).nullish() }).optional(),
	stop_sequences: z.array(z.string()).optional(),
	stream: z.boolean().optional(),
	temperature: z.number().min(0).max(1).optional(),
	top_k: z.number().int().min(0).optional(),
	top_p: z.number().min(0).max(1).optional(),
	// 2025 automatic caching marker at the top level; passed through.
	cache_control: CacheControlSchema.optional()
});
export type MessageCreateParams = z.infer<typeof MessageCreateParamsSchema>;

export const CountTokensParamsSchema = z.looseObject(promptFields);
export type CountTokensParams = z.infer<typeof CountTokensParamsSchema>;

export const CountTokensResponseSchema = z.looseObject({ input_tokens: z.number().int().min(0) });
