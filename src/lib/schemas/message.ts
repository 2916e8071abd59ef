import { z } from 'zod';
import { ContentBlockSchema } from './content';

export const UsageSchema = z.looseObject({
	input_tokens: z.number().int().min(0),
	output_tokens: z.number().int().min(0),
	cache_creation_input_tokens: z.number().int().min(0).nullish(),
	cache_read_input_tokens: z.number().int().min(0).nullish()
});
export type Usage = z.infer<typeof UsageSchema>;

export const StopReasonSchema = z.string(); // end_turn | max_tokens | stop_sequence | tool_use, and newer ones

export const MessageSchema = z.looseObject({
	id: z.string(),
	type: z.literal('message'),
	role: z.literal('assistant'),
	model: z.string(),
	content: z.array(ContentBlockSchema),
	stop_reason: StopReasonSchema.nullable(),
	stop_sequence: z.string().nullable(),
	usage: UsageSchema
});
export type Message = z.infer<typeof MessageSchema>;
