import { z } from 'zod';
import { CacheControlSchema, unknownTypeSchema } from './common';

export const IMAGE_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const cache = { cache_control: CacheControlSchema.nullish() };

export const TextBlockParamSchema = z.looseObject({
	type: z.literal('text'),
	text: z.string(),
	...cache
});

export const Base64ImageSourceSchema = z.looseObject({
	type: z.literal('base64'),
	media_type: z.enum(IMAGE_MEDIA_TYPES),
	data: z
		.string()
		.min(1, 'image data must not be empty')
		.refine((d) => d.length % 4 === 0 && BASE64.test(d), 'image data is not valid base64')
});
export const UrlImageSourceSchema = z.looseObject({ type: z.literal('url'), url: z.url() });

export const ImageBlockParamSchema = z.looseObject({
	type: z.literal('image'),
	source: z.discriminatedUnion('type', [Base64ImageSourceSchema, UrlImageSourceSchema]),
	...cache
});

export const ToolUseBlockParamSchema = z.looseObject({
	type: z.literal('tool_use'),
	id: z.string().min(1),
	name: z.string().min(1),
	input: z.record(z.string(), z.unknown()),
	...cache
});

export const ToolResultBlockParamSchema = z.looseObject({
	type: z.literal('tool_result'),
	tool_use_id: z.string().min(1),
	content: z
		.union([z.string(), z.array(z.union([TextBlockParamSchema, ImageBlockParamSchema]))])
		.optional(),
	is_error: z.boolean().optional(),
	...cache
});

export const DocumentBlockParamSchema = z.looseObject({
	type: z.literal('document'),
	source: z.looseObject({ type: z.string() }),
	...cache
});

export const KNOWN_BLOCK_PARAM_TYPES = [
	'text',
	'image',
	'tool_use',
	'tool_result',
	'document'
] as const;

export const KnownContentBlockParamSchema = z.discriminatedUnion('type', [
	TextBlockParamSchema,
	ImageBlockParamSchema,
	ToolUseBlockParamSchema,
	ToolResultBlockParamSchema,
	DocumentBlockParamSchema
]);
export const UnknownBlockSchema = unknownTypeSchema(KNOWN_BLOCK_PARAM_TYPES);

/** Any block a request may carry; unknown (newer) types pass through for the API to judge. */
export const ContentBlockParamSchema = z.union([KnownContentBlockParamSchema, UnknownBlockSchema]);

export type TextBlockParam = z.infer<typeof TextBlockParamSchema>;
export type ImageBlockParam = z.infer<typeof ImageBlockParamSchema>;
export type ToolUseBlockParam = z.infer<typeof ToolUseBlockParamSchema>;
export type ToolResultBlockParam = z.infer<typeof ToolResultBlockParamSchema>;
export type KnownContentBlockParam = z.infer<typeof KnownContentBlockParamSchema>;
export type ContentBlockParam = z.infer<typeof ContentBlockParamSchema>;

// ---- response content blocks ----

/** Where cited text came from: char/page/content-block ranges of a document, a search result, a web page. */
export const CitationSchema = z.looseObject({ type: z.string(), cited_text: z.string() });
export type Citation = z.infer<typeof CitationSchema>;

export const TextBlockSchema = z.looseObject({
	type: z.literal('text'),
	text: z.string(),
	citations: z.array(CitationSchema).nullish()
});
export const ToolUseBlockSchema = z.looseObject({
	type: z.literal('tool_use'),
	id: z.string(),
	name: z.string(),
	input: z.unknown(),
	/** Who called the tool: the model directly, or code in a server tool (programmatic calling). */
	caller: z.looseObject({ type: z.string() }).optional()
});
export const ThinkingBlockSchema = z.looseObject({
	type: z.literal('thinking'),
	thinking: z.string(),
	signature: z.string().optional()
});
export const RedactedThinkingBlockSchema = z.looseObject({ type: z.literal('redacted_thinking'), data: z.string() });
export const ServerToolUseBlockSchema = z.looseObject({
	type: z.literal('server_tool_use'),
	id: z.string(),
	name: z.string(),
	input: z.unknown()
});
/** The result blocks of server tools: each answers a `server_tool_use` by id; the content is tool-specific. */
const serverToolResult = <T extends string>(type: T) =>
	z.looseObject({ type: z.literal(type), tool_use_id: z.string(), content: z.unknown() });
export const WebSearchToolResultBlockSchema = serverToolResult('web_search_tool_result');
export const WebFetchToolResultBlockSchema = serverToolResult('web_fetch_tool_result');
export const CodeExecutionToolResultBlockSchema = serverToolResult('code_execution_tool_result');
export const BashCodeExecutionToolResultBlockSchema = serverToolResult('bash_code_execution_tool_result');
export const TextEditorCodeExecutionToolResultBlockSchema = serverToolResult('text_editor_code_execution_tool_result');
export const ToolSearchToolResultBlockSchema = serverToolResult('tool_search_tool_result');
export const ContainerUploadBlockSchema = z.looseObject({ type: z.literal('container_upload'), file_id: z.string() });

export const KNOWN_BLOCK_TYPES = [
	'text',
	'tool_use',
	'thinking',
	'redacted_thinking',
	'server_tool_use',
	'web_search_tool_result',
	'web_fetch_tool_result',
	'code_execution_tool_result',
	'bash_code_execution_tool_result',
	'text_editor_code_execution_tool_result',
	'tool_search_tool_result',
	'container_upload'
] as const;
export const KnownContentBlockSchema = z.discriminatedUnion('type', [
	TextBlockSchema,
	ToolUseBlockSchema,
	ThinkingBlockSchema,
	RedactedThinkingBlockSchema,
	ServerToolUseBlockSchema,
	WebSearchToolResultBlockSchema,
	WebFetchToolResultBlockSchema,
	CodeExecutionToolResultBlockSchema,
	BashCodeExecutionToolResultBlockSchema,
	TextEditorCodeExecutionToolResultBlockSchema,
	ToolSearchToolResultBlockSchema,
	ContainerUploadBlockSchema
]);
export const ContentBlockSchema = z.union([KnownContentBlockSchema, unknownTypeSchema(KNOWN_BLOCK_TYPES)]);
export type TextBlock = z.infer<typeof TextBlockSchema>;
export type ToolUseBlock = z.infer<typeof ToolUseBlockSchema>;
export type ThinkingBlock = z.infer<typeof ThinkingBlockSchema>;
export type ContentBlock = z.infer<typeof ContentBlockSchema>;
