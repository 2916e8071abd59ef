import { z } from 'zod';
import { CitationSchema, ContentBlockSchema, KNOWN_BLOCK_TYPES } from './content';
import { ErrorBodySchema, openUnion } from './common';
import {
	MessageSchema,
	OutputTokensDetailsSchema,
	ServerToolUsageSchema,
	StopDetailsSchema
} from './message';

export const TextDeltaSchema = z.looseObject({ type: z.literal('text_delta'), text: z.string() });
export const InputJsonDeltaSchema = z.looseObject({
	type: z.literal('input_json_delta'),
	partial_json: z.string()
});
export const ThinkingDeltaSchema = z.looseObject({
	type: z.literal('thinking_delta'),
	thinking: z.string()
});
export const SignatureDeltaSchema = z.looseObject({
	type: z.literal('signature_delta'),
	signature: z.string()
});
/** A citation for the text block being streamed, sent before the text it supports. */
export const CitationsDeltaSchema = z.looseObject({
	type: z.literal('citations_delta'),
	citation: CitationSchema
});
/** The final value of a `compaction` block (beta): assigned, not appended; null content = compaction failed. */
export const CompactionDeltaSchema = z.looseObject({
	type: z.literal('compaction_delta'),
	content: z.string().nullable(),
	encrypted_content: z.string().nullish()
});
const Delta = openUnion([
	TextDeltaSchema,
	InputJsonDeltaSchema,
	ThinkingDeltaSchema,
	SignatureDeltaSchema,
	CitationsDeltaSchema,
	CompactionDeltaSchema
]);
export const KNOWN_DELTA_TYPES = Delta.types;
export const KnownDeltaSchema = Delta.known;
export const DeltaSchema = Delta.schema;

export const MessageStartEventSchema = z.looseObject({
	type: z.literal('message_start'),
	message: MessageSchema
});
export const ContentBlockStartEventSchema = z.looseObject({
	type: z.literal('content_block_start'),
	index: z.number().int().min(0),
	content_block: ContentBlockSchema
});
export const ContentBlockDeltaEventSchema = z.looseObject({
	type: z.literal('content_block_delta'),
	index: z.number().int().min(0),
	delta: DeltaSchema
});
export const ContentBlockStopEventSchema = z.looseObject({
	type: z.literal('content_block_stop'),
	index: z.number().int().min(0)
});
/**
 * The SDK's `MessageDeltaUsage`: cumulative whole-message totals. Real streams repeat the input
 * and cache counts here, next to the final output count.
 */
export const MessageDeltaUsageSchema = z.looseObject({
	output_tokens: z.number().int().min(0),
	input_tokens: z.number().int().min(0).nullish(),
	cache_creation_input_tokens: z.number().int().min(0).nullish(),
	cache_read_input_tokens: z.number().int().min(0).nullish(),
	output_tokens_details: OutputTokensDetailsSchema.nullish(),
	server_tool_use: ServerToolUsageSchema.nullish()
});
export type MessageDeltaUsage = z.infer<typeof MessageDeltaUsageSchema>;
export const MessageDeltaEventSchema = z.looseObject({
	type: z.literal('message_delta'),
	delta: z.looseObject({
		stop_reason: z.string().nullable(),
		stop_sequence: z.string().nullable().optional(),
		stop_details: StopDetailsSchema.nullish()
	}),
	usage: MessageDeltaUsageSchema
});
export const MessageStopEventSchema = z.looseObject({ type: z.literal('message_stop') });
export const PingEventSchema = z.looseObject({ type: z.literal('ping') });
export const ErrorEventSchema = ErrorBodySchema;

const StreamEvent = openUnion([
	MessageStartEventSchema,
	ContentBlockStartEventSchema,
	ContentBlockDeltaEventSchema,
	ContentBlockStopEventSchema,
	MessageDeltaEventSchema,
	MessageStopEventSchema,
	PingEventSchema,
	ErrorEventSchema
]);
export const KNOWN_EVENT_TYPES = StreamEvent.types;
export type KnownEventType = (typeof KNOWN_EVENT_TYPES)[number];
export const KnownStreamEventSchema = StreamEvent.known;
/** Every event of a Messages stream; an unknown (newer) event type is kept, not rejected. */
export const StreamEventSchema = StreamEvent.schema;

export type KnownDelta = z.infer<typeof KnownDeltaSchema>;
export type Delta = z.infer<typeof DeltaSchema>;
export type MessageStartEvent = z.infer<typeof MessageStartEventSchema>;
export type ContentBlockStartEvent = z.infer<typeof ContentBlockStartEventSchema>;
export type ContentBlockDeltaEvent = z.infer<typeof ContentBlockDeltaEventSchema>;
export type StreamErrorEvent = z.infer<typeof ErrorEventSchema>;
export type MessageDeltaEvent = z.infer<typeof MessageDeltaEventSchema>;
export type KnownStreamEvent = z.infer<typeof KnownStreamEventSchema>;
export type StreamEvent = z.infer<typeof StreamEventSchema>;
export { KNOWN_BLOCK_TYPES };
