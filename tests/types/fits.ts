/**
 * Type-level helpers for "the SDK's type fits our schema". Never run: `npm run check`
 * (svelte-check over tsconfig, which includes tests/**) fails when a check does not hold.
 */
import type { z } from 'zod';

/**
 * A loose schema's input type carries `[k: string]: unknown` (unknown fields pass). SDK
 * interfaces have no index signature, so we drop ours, deeply: what is left are the fields
 * we check, and each must accept what the SDK's type allows.
 */
export type Checked<T> = T extends readonly (infer U)[]
	? readonly Checked<U>[]
	: T extends object
		? { [K in keyof T as string extends K ? never : K]: Checked<T[K]> }
		: T;

/** What a schema accepts, as compared with an SDK type. */
export type Accepts<S extends z.ZodType> = Checked<z.input<S>>;

/** `fits<Ours>()<Sdk>()` compiles only when every `Sdk` value is an `Ours` value. */
export const fits =
	<Target>() =>
	<_Source extends Target>(): void =>
		undefined;

/** The element type of an optional array field. */
export type ElementOf<T> = T extends readonly (infer U)[] ? U : never;
