import { z } from 'zod';
import { CacheControlSchema, openUnion, unknownTypeSchema } from './common';

/*
 * Request content blocks, as SDK 1.14's `ContentBlockParam` (and the beta one) allow them.
 * Blocks, sources and fields we check are the ones the playground and the simulator read;
 * any other `type` passes through untouched for the API to judge (tests/types checks that
 * every SDK shape of the types we do check still fits).
 */

export const IMAGE_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const cache = { cache_control: CacheControlSchema.nullish() };
/** Any object with a `type` we do not check (a citation, a caller, a newer source). */
const Tagged = z.looseObject({ type: z.string() });

export const TextBlockParamSchema = z.looseObject({
	type: z.literal('text'),
	text: z.string(),
	citations: z.array(Tagged).nullish(),
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
/** A file uploaded through the Files API, by id. */
export const FileSourceSchema = z.looseObject({
	type: z.literal('file'),
	file_id: z.string().min(1)
});

export const KnownImageSourceSchema = z.discriminatedUnion('type', [
	Base64ImageSourceSchema,
	UrlImageSourceSchema,
	FileSourceSchema
]);

export const ImageBlockParamSchema = z.looseObject({
	type: z.literal('image'),
	source: z.union([KnownImageSourceSchema, unknownTypeSchema(['base64', 'url', 'file'])]),
	transformations: z.looseObject({}).nullish(),
	...cache
});

const DOCUMENT_SOURCE_TYPES = ['base64', 'text', 'content', 'url', 'file'] as const;
const SourceContentSchema = z.union([
	z.discriminatedUnion('type', [TextBlockParamSchema, ImageBlockParamSchema]),
	unknownTypeSchema(['text', 'image'])
]);
export const KnownDocumentSourceSchema = z.discriminatedUnion('type', [
	z.looseObject({ type: z.literal('base64'), media_type: z.string(), data: z.string() }),
	z.looseObject({ type: z.literal('text'), media_type: z.string(), data: z.string() }),
	z.looseObject({
		type: z.literal('content'),
		content: z.union([z.string(), z.array(SourceContentSchema)])
	}),
	z.looseObject({ type: z.literal('url'), url: z.string().min(1) }),
	FileSourceSchema
]);
export const DocumentSourceSchema = z.union([
	KnownDocumentSourceSchema,
	unknownTypeSchema(DOCUMENT_SOURCE_TYPES)
]);

const CitationsConfigSchema = z.looseObject({ enabled: z.boolean().optional() });

export const DocumentBlockParamSchema = z.looseObject({
	type: z.literal('document'),
	source: DocumentSourceSchema,
	citations: CitationsConfigSchema.nullish(),
	context: z.string().nullish(),
	title: z.string().nullish(),
	...cache
});

export const SearchResultBlockParamSchema = z.looseObject({
	type: z.literal('search_result'),
	source: z.string(),
	title: z.string(),
	content: z.array(TextBlockParamSchema),
	citations: CitationsConfigSchema.nullish(),
	...cache
});

export const ThinkingBlockParamSchema = z.looseObject({
	type: z.literal('thinking'),
	thinking: z.string(),
	signature: z.string()
});
export const RedactedThinkingBlockParamSchema = z.looseObject({
	type: z.literal('redacted_thinking'),
	data: z.string()
});

const toolCall = {
	id: z.string().min(1),
	// The SDK types `input` as unknown; the API asks for an object and says so itself.
	input: z.unknown(),
	caller: Tagged.optional(),
	...cache
};
export const ToolUseBlockParamSchema = z.looseObject({
	type: z.literal('tool_use'),
	name: z.string().min(1),
	toolset_name: z.string().nullish(),
	...toolCall
});
export const ServerToolUseBlockParamSchema = z.looseObject({
	type: z.literal('server_tool_use'),
	name: z.string().min(1),
	...toolCall
});

export const ToolReferenceBlockParamSchema = z.looseObject({
	type: z.literal('tool_reference'),
	tool_name: z.string().min(1),
	...cache
});

const ToolResultContent = openUnion([
	TextBlockParamSchema,
	ImageBlockParamSchema,
	DocumentBlockParamSchema,
	SearchResultBlockParamSchema,
	ToolReferenceBlockParamSchema
]);
export const KnownToolResultContentSchema = ToolResultContent.known;
export const ToolResultContentSchema = ToolResultContent.schema;

export const ToolResultBlockParamSchema = z.looseObject({
	type: z.literal('tool_result'),
	tool_use_id: z.string().min(1),
	content: z.union([z.string(), z.array(ToolResultContentSchema)]).optional(),
	is_error: z.boolean().optional(),
	toolset_name: z.string().nullish(),
	...cache
});

export const ContainerUploadBlockParamSchema = z.looseObject({
	type: z.literal('container_upload'),
	file_id: z.string().min(1),
	...cache
});

const BlockParam = openUnion([
	TextBlockParamSchema,
	ImageBlockParamSchema,
	DocumentBlockParamSchema,
	SearchResultBlockParamSchema,
	ThinkingBlockParamSchema,
	RedactedThinkingBlockParamSchema,
	ToolUseBlockParamSchema,
	ServerToolUseBlockParamSchema,
	ToolResultBlockParamSchema,
	ContainerUploadBlockParamSchema
]);
export const KNOWN_BLOCK_PARAM_TYPES = BlockParam.types;
export const KnownContentBlockParamSchema = BlockParam.known;
export const UnknownBlockSchema = unknownTypeSchema(KNOWN_BLOCK_PARAM_TYPES);

/** Any block a request may carry; unknown (newer) types pass through for the API to judge. */
export const ContentBlockParamSchema = BlockParam.schema;

export type TextBlockParam = z.infer<typeof TextBlockParamSchema>;
export type ImageBlockParam = z.infer<typeof ImageBlockParamSchema>;
export type DocumentBlockParam = z.infer<typeof DocumentBlockParamSchema>;
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
export const RedactedThinkingBlockSchema = z.looseObject({
	type: z.literal('redacted_thinking'),
	data: z.string()
});
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
export const BashCodeExecutionToolResultBlockSchema = serverToolResult(
	'bash_code_execution_tool_result'
);
export const TextEditorCodeExecutionToolResultBlockSchema = serverToolResult(
	'text_editor_code_execution_tool_result'
);
export const ToolSearchToolResultBlockSchema = serverToolResult('tool_search_tool_result');
export const ContainerUploadBlockSchema = z.looseObject({
	type: z.literal('container_upload'),
	file_id: z.string()
});

const Block = openUnion([
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
export const KNOWN_BLOCK_TYPES = Block.types;
export const KnownContentBlockSchema = Block.known;
export const ContentBlockSchema = Block.schema;
export type TextBlock = z.infer<typeof TextBlockSchema>;
export type ToolUseBlock = z.infer<typeof ToolUseBlockSchema>;
/** A call the model made (a `tool_use` block), with its input as the object tools receive. */
export type ToolCall = Pick<ToolUseBlock, 'id' | 'name'> & { input: Record<string, unknown> };
export type ThinkingBlock = z.infer<typeof ThinkingBlockSchema>;
export type KnownContentBlock = z.infer<typeof KnownContentBlockSchema>;
export type ContentBlock = z.infer<typeof ContentBlockSchema>;

/**
 * Every block `type` the API accepts in a request's messages, a closed set: the param blocks,
 * the response blocks a conversation sends back, and blocks of features we pass through unchecked.
 */
export const REQUEST_BLOCK_TYPES: readonly string[] = [
	...new Set([
		...KNOWN_BLOCK_PARAM_TYPES,
		...KNOWN_BLOCK_TYPES,
		'mcp_tool_use',
		'mcp_tool_result',
		'compaction'
	])
];
