import { z } from 'zod';

/** `cache_control` marker; 2024 knows only `ephemeral`, 2025 adds an optional `ttl`. */
export const CacheControlSchema = z.looseObject({
	type: z.literal('ephemeral'),
	ttl: z.enum(['5m', '1h']).optional()
});
export type CacheControl = z.infer<typeof CacheControlSchema>;

export const ErrorTypeSchema = z.string(); // the API adds error types over time; never reject one

export const ErrorBodySchema = z.looseObject({
	type: z.literal('error'),
	error: z.looseObject({ type: ErrorTypeSchema, message: z.string() }),
	request_id: z.string().nullable().optional()
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** A block whose `type` we do not model: kept as-is so newer API features still show. */
export function unknownTypeSchema(known: readonly string[]) {
	return z.looseObject({
		type: z.string().refine((t) => !known.includes(t), { message: 'unknown type', abort: true })
	});
}

export const Rfc3339Schema = z.string().min(1);
