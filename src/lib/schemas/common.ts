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

/** A schema of an object tagged by a literal `type`. */
type Tagged = z.ZodObject<{ type: z.ZodLiteral<string> }, z.core.$loose>;
type Tags<T extends readonly Tagged[]> = { [K in keyof T]: T[K]['shape']['type']['value'] };

/**
 * The wire's open unions: the `type`-tagged schemas we check (`known`, a discriminated union),
 * their tags (`types`, listed once, from the schemas), and `schema`, which also takes any newer
 * `type` as-is so the API's additions still pass.
 */
export function openUnion<const T extends readonly [Tagged, ...Tagged[]]>(options: T) {
	const types = options.map((o) => o.shape.type.value) as unknown as Tags<T>;
	const known = z.discriminatedUnion('type', options);
	return { known, types, schema: z.union([known, unknownTypeSchema(types)]) };
}
