import { z } from 'zod';
import { ErrorBodySchema, Rfc3339Schema } from './common';
import { MessageCreateParamsSchema } from './request';
import { MessageSchema } from './message';

export const CUSTOM_ID = /^[a-zA-Z0-9_-]{1,64}$/;
export const BATCH_MAX_REQUESTS = 100_000;
export const BATCH_MAX_BYTES = 256 * 1024 * 1024;

export const BatchRequestSchema = z.looseObject({
	custom_id: z.string().regex(CUSTOM_ID, 'custom_id must match ^[a-zA-Z0-9_-]{1,64}$'),
	params: MessageCreateParamsSchema.refine((p) => p.stream !== true, {
		message: 'stream must not be true in a batch request',
		path: ['stream']
	})
});
export type BatchRequest = z.infer<typeof BatchRequestSchema>;

export const BatchCreateParamsSchema = z.looseObject({
	requests: z
		.array(BatchRequestSchema)
		.min(1, 'requests must not be empty')
		.max(BATCH_MAX_REQUESTS, `a batch holds at most ${BATCH_MAX_REQUESTS} requests`)
		.superRefine((reqs, ctx) => {
			const seen = new Set<string>();
			reqs.forEach((r, i) => {
				if (seen.has(r.custom_id))
					ctx.addIssue({
						code: 'custom',
						path: [i, 'custom_id'],
						message: `duplicate custom_id "${r.custom_id}"`
					});
				seen.add(r.custom_id);
			});
		})
});
export type BatchCreateParams = z.infer<typeof BatchCreateParamsSchema>;

export const RequestCountsSchema = z.looseObject({
	processing: z.number().int().min(0),
	succeeded: z.number().int().min(0),
	errored: z.number().int().min(0),
	canceled: z.number().int().min(0),
	expired: z.number().int().min(0)
});
export type RequestCounts = z.infer<typeof RequestCountsSchema>;

export const ProcessingStatusSchema = z.enum(['in_progress', 'canceling', 'ended']);

export const MessageBatchSchema = z.looseObject({
	id: z.string(),
	type: z.literal('message_batch'),
	processing_status: ProcessingStatusSchema,
	request_counts: RequestCountsSchema,
	ended_at: Rfc3339Schema.nullable(),
	created_at: Rfc3339Schema,
	expires_at: Rfc3339Schema,
	cancel_initiated_at: Rfc3339Schema.nullable(),
	archived_at: Rfc3339Schema.nullable(),
	results_url: z.string().nullable()
});
export type MessageBatch = z.infer<typeof MessageBatchSchema>;

export const BatchResultSchema = z.discriminatedUnion('type', [
	z.looseObject({ type: z.literal('succeeded'), message: MessageSchema }),
	z.looseObject({ type: z.literal('errored'), error: ErrorBodySchema }),
	z.looseObject({ type: z.literal('canceled') }),
	z.looseObject({ type: z.literal('expired') })
]);
export const BatchResultLineSchema = z.looseObject({
	custom_id: z.string(),
	result: BatchResultSchema
});
export type BatchResultLine = z.infer<typeof BatchResultLineSchema>;

export const PageQuerySchema = z.object({
	limit: z.coerce.number().int().min(1).max(1000).default(20),
	before_id: z.string().min(1).optional(),
	after_id: z.string().min(1).optional()
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

export function pageSchema<T extends z.ZodType>(item: T) {
	return z.looseObject({
		data: z.array(item),
		has_more: z.boolean(),
		first_id: z.string().nullable(),
		last_id: z.string().nullable()
	});
}
