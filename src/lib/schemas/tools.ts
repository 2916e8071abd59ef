import { z } from 'zod';
import { CacheControlSchema, unknownTypeSchema } from './common';

export const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const cache = { cache_control: CacheControlSchema.nullish() };

export const InputSchemaSchema = z.looseObject({
	type: z.literal('object', { message: 'input_schema.type must be "object"' }),
	// The SDK types it as unknown; the API judges a schema that is not an object.
	properties: z.unknown().optional(),
	required: z.array(z.string()).nullish()
});
export type InputSchema = z.infer<typeof InputSchemaSchema>;

/** Fields every tool definition may carry (SDK 1.14: tool search, programmatic calling). */
const common = {
	...cache,
	allowed_callers: z.array(z.string()).optional(),
	defer_loading: z.boolean().optional(),
	strict: z.boolean().optional()
};

/** A tool the client runs: no `type`, or `custom`, or (as the SDK allows) `null`. */
export const CustomToolSchema = z.looseObject({
	type: z.literal('custom').nullish(),
	name: z.string().regex(TOOL_NAME, 'tool name must match ^[a-zA-Z0-9_-]{1,64}$'),
	description: z.string().optional(),
	input_schema: InputSchemaSchema,
	eager_input_streaming: z.boolean().nullish(),
	input_examples: z.array(z.record(z.string(), z.unknown())).optional(),
	...common
});

/**
 * Anthropic-defined tools: each versioned `type` takes one fixed `name`. The API checks the
 * rest of their options; we check the pair so a typo is named here.
 */
export const TYPED_TOOL_NAMES = {
	bash_20241022: 'bash',
	bash_20250124: 'bash',
	text_editor_20241022: 'str_replace_editor',
	text_editor_20250124: 'str_replace_editor',
	text_editor_20250429: 'str_replace_based_edit_tool',
	text_editor_20250728: 'str_replace_based_edit_tool',
	memory_20250818: 'memory',
	code_execution_20250522: 'code_execution',
	code_execution_20250825: 'code_execution',
	code_execution_20260120: 'code_execution',
	code_execution_20260521: 'code_execution',
	web_search_20250305: 'web_search',
	web_search_20260209: 'web_search',
	web_search_20260318: 'web_search',
	web_fetch_20250910: 'web_fetch',
	web_fetch_20260209: 'web_fetch',
	web_fetch_20260309: 'web_fetch',
	web_fetch_20260318: 'web_fetch',
	tool_search_tool_bm25_20251119: 'tool_search_tool_bm25',
	tool_search_tool_bm25: 'tool_search_tool_bm25',
	tool_search_tool_regex_20251119: 'tool_search_tool_regex',
	tool_search_tool_regex: 'tool_search_tool_regex',
	advisor_20260301: 'advisor'
} as const;
type TypedToolType = keyof typeof TYPED_TOOL_NAMES;

function typedTool<T extends TypedToolType>(type: T) {
	const name = TYPED_TOOL_NAMES[type];
	return z.looseObject({
		type: z.literal(type),
		name: z.literal(name, { message: `a ${type} tool must be named "${name}"` }),
		...common
	});
}

const computerFields = {
	name: z.literal('computer', { message: 'a computer tool must be named "computer"' }),
	display_width_px: z.number().int().min(1),
	display_height_px: z.number().int().min(1),
	display_number: z.number().int().min(0).nullish(),
	...common
};
export const ComputerToolSchema = z.looseObject({
	type: z.literal('computer_20241022'),
	...computerFields
});
const COMPUTER_TYPES = ['computer_20241022', 'computer_20250124', 'computer_20251124'] as const;

/** The 2024 computer-use tools: still in the beta API, behind their beta header. */
export const BETA_TOOL_TYPES = [
	'computer_20241022',
	'bash_20241022',
	'text_editor_20241022'
] as const;
export const COMPUTER_USE_BETA = 'computer-use-2024-10-22';

const TYPED = Object.keys(TYPED_TOOL_NAMES) as TypedToolType[];
export const KNOWN_TOOL_TYPES = ['custom', ...TYPED, ...COMPUTER_TYPES] as const;

export const KnownTypedToolSchema = z.discriminatedUnion('type', [
	ComputerToolSchema,
	z.looseObject({ type: z.literal('computer_20250124'), ...computerFields }),
	z.looseObject({ type: z.literal('computer_20251124'), ...computerFields }),
	...TYPED.map(typedTool)
]);

/**
 * A tool definition: custom, an Anthropic-defined tool we know, or a newer type (toolsets,
 * MCP, whatever comes next) passed through for the API to judge.
 */
export const ToolSchema = z.union([
	CustomToolSchema,
	KnownTypedToolSchema,
	unknownTypeSchema(KNOWN_TOOL_TYPES)
]);

export type CustomTool = z.infer<typeof CustomToolSchema>;
export type ComputerTool = z.infer<typeof ComputerToolSchema>;
export type Tool = z.infer<typeof ToolSchema>;

const parallel = { disable_parallel_tool_use: z.boolean().optional() };
export const ToolChoiceSchema = z.discriminatedUnion('type', [
	z.looseObject({ type: z.literal('auto'), ...parallel }),
	z.looseObject({ type: z.literal('any'), ...parallel }),
	z.looseObject({ type: z.literal('tool'), name: z.string().min(1), ...parallel }),
	z.looseObject({ type: z.literal('none') })
]);
export type ToolChoice = z.infer<typeof ToolChoiceSchema>;
