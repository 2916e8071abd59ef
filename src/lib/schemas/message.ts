import { z } from 'zod';
import { ContentBlockSchema } from './content';

const count = z.number().int().min(0);

/** Prompt-cache writes split by TTL. */
export const CacheCreationSchema = z.looseObject({
	ephemeral_5m_input_tokens: count,
	ephemeral_1h_input_tokens: count
});
export const ServerToolUsageSchema = z.looseObject({
	web_search_requests: count.optional(),
	web_fetch_requests: count.optional()
});
export const OutputTokensDetailsSchema = z.looseObject({ thinking_tokens: count });

export const UsageSchema = z.looseObject({
	input_tokens: count,
	output_tokens: count,
	cache_creation_input_tokens: count.nullish(),
	cache_read_input_tokens: count.nullish(),
	cache_creation: CacheCreationSchema.nullish(),
	/** Of `output_tokens`, those spent thinking (billed as output). */
	output_tokens_details: OutputTokensDetailsSchema.nullish(),
	server_tool_use: ServerToolUsageSchema.nullish(),
	service_tier: z.string().nullish(), // standard | priority | batch
	speed: z.string().nullish(),
	inference_geo: z.string().nullish()
});
export type Usage = z.infer<typeof UsageSchema>;

/** The stop reasons known today; the API adds newer ones, so the schema takes any string. */
export const STOP_REASONS = [
	'end_turn',
	'max_tokens',
	'stop_sequence',
	'tool_use',
	'pause_turn',
	'refusal',
	'model_context_window_exceeded'
] as const;
export const StopReasonSchema = z.string();

/** Why a turn stopped, when the reason needs explaining (today: a refusal's category). */
export const StopDetailsSchema = z.looseObject({ type: z.string() });
export const ContainerSchema = z.looseObject({ id: z.string(), expires_at: z.string() });

export const MessageSchema = z.looseObject({
	id: z.string(),
	type: z.literal('message'),
	role: z.literal('assistant'),
	model: z.string(),
	content: z.array(ContentBlockSchema),
	stop_reason: StopReasonSchema.nullable(),
	stop_sequence: z.string().nullable(),
	stop_details: StopDetailsSchema.nullish(),
	container: ContainerSchema.nullish(),
	diagnostics: z.looseObject({}).nullish(),
	usage: UsageSchema
});
export type Message = z.infer<typeof MessageSchema>;
