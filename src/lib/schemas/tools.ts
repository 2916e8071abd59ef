import { z } from 'zod';
import { CacheControlSchema, unknownTypeSchema } from './common';

export const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const cache = { cache_control: CacheControlSchema.nullish() };

export const InputSchemaSchema = z.looseObject({
	type: z.literal('object', { message: 'input_schema.type must be "object"' }),
	properties: z.record(z.string(), z.unknown()).nullish(),
	required: z.array(z.string()).nullish()
});
export type InputSchema = z.infer<typeof InputSchemaSchema>;

export const CustomToolSchema = z.looseObject({
	type: z.literal('custom').optional(),
	name: z.string().regex(TOOL_NAME, 'tool name must match ^[a-zA-Z0-9_-]{1,64}$'),
	description: z.string().optional(),
	input_schema: InputSchemaSchema,
	...cache
});

export const ComputerToolSchema = z.looseObject({
	type: z.literal('computer_20241022'),
	name: z.literal('computer'),
	display_width_px: z.number().int().min(1),
	display_height_px: z.number().int().min(1),
	display_number: z.number().int().min(0).nullish(),
	...cache
});
export const BashToolSchema = z.looseObject({
	type: z.literal('bash_20241022'),
	name: z.literal('bash'),
	...cache
});
export const TextEditorToolSchema = z.looseObject({
	type: z.literal('text_editor_20241022'),
	name: z.literal('str_replace_editor'),
	...cache
});

export const BETA_TOOL_TYPES = ['computer_20241022', 'bash_20241022', 'text_editor_20241022'] as const;
export const COMPUTER_USE_BETA = 'computer-use-2024-10-22';

const KnownTypedToolSchema = z.discriminatedUnion('type', [
	ComputerToolSchema,
	BashToolSchema,
	TextEditorToolSchema
]);

/** A tool definition: custom (no type or "custom"), a 2024 beta tool, or a newer typed tool passed through. */
export const ToolSchema = z.union([
	CustomToolSchema,
	KnownTypedToolSchema,
	unknownTypeSchema([...BETA_TOOL_TYPES, 'custom'])
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
