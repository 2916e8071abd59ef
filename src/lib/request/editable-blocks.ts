import { z } from 'zod';
import {
	Base64ImageSourceSchema,
	CacheControlSchema,
	DocumentBlockParamSchema,
	ImageBlockParamSchema,
	SearchResultBlockParamSchema,
	TextBlockParamSchema,
	ToolResultBlockParamSchema,
	ToolUseBlockParamSchema,
	type CacheControl
} from '$lib/schemas';

/*
 * The block shapes the request form's editors hold, from the content schemas (see form.ts).
 */
type Json = Record<string, unknown>;

/** A copy of `obj` without `keys`. */
export function without(obj: Json, keys: string[]): Json {
	const out: Json = {};
	for (const [k, v] of Object.entries(obj)) if (!keys.includes(k)) out[k] = v;
	return out;
}

export function cacheOf(obj: Json): CacheControl | null | false {
	if (obj.cache_control === undefined) return null;
	const c = CacheControlSchema.safeParse(obj.cache_control);
	return c.success ? c.data : false;
}

/*
 * What each block editor can hold: the fields it edits, picked from the content schemas (so the
 * form checks a field as the API's schema does); the block's other fields ride in `extra`.
 * A field is loosened or narrowed only for its widget: ids and names may be empty while typed
 * (the lint says so), a tool_use input is edited as an object, a tool_result's content is
 * mapped block by block (each checked on its own).
 */
const typed = { id: z.string(), name: z.string(), tool_use_id: z.string() };
export const Editable = {
	text: TextBlockParamSchema.pick({ type: true, text: true }),
	image: ImageBlockParamSchema.pick({ type: true }).extend({ source: Base64ImageSourceSchema }),
	document: DocumentBlockParamSchema.pick({ type: true, source: true }),
	search_result: SearchResultBlockParamSchema.pick({ type: true, source: true }),
	tool_use: ToolUseBlockParamSchema.pick({ type: true }).extend({
		id: typed.id,
		name: typed.name,
		input: z.record(z.string(), z.unknown())
	}),
	tool_result: ToolResultBlockParamSchema.pick({ type: true, is_error: true }).extend({
		tool_use_id: typed.tool_use_id,
		content: z.union([z.string(), z.array(z.unknown())]).optional()
	})
};
/** A block's fields its editor does not edit (nor `cache_control`, held apart). */
export const extraOf = (value: Json, editable: z.ZodObject) =>
	without(value, [...Object.keys(editable.shape), 'cache_control']);
