/**
 * Every request body SDK 1.14 may send is one our request schemas accept (issue 13). When a
 * new SDK widens a param, `npm run check` fails here and names the field that moved.
 *
 * Whole bodies are checked against the full schemas. Since blocks, sources and tools of an
 * unknown `type` pass through (their input type is `{ type: string }`, which any SDK block
 * fits), the types we do check are also compared one union at a time against the schema that
 * knows only them, so a narrower check on a known type cannot hide behind the pass-through.
 */
import type * as Sdk from '@anthropic-ai/sdk/resources/messages/messages';
import type * as SdkBatches from '@anthropic-ai/sdk/resources/messages/batches';
import type * as Beta from '@anthropic-ai/sdk/resources/beta/messages/messages';
import type * as BetaBatches from '@anthropic-ai/sdk/resources/beta/messages/batches';
import type {
	BatchCreateParamsSchema,
	BatchRequestSchema,
	CountTokensParamsSchema,
	CustomToolSchema,
	KNOWN_BLOCK_PARAM_TYPES,
	KnownContentBlockParamSchema,
	KnownDocumentSourceSchema,
	KnownImageSourceSchema,
	KnownThinkingConfigSchema,
	KnownToolResultContentSchema,
	KnownTypedToolSchema,
	MessageCreateParamsSchema,
	OutputConfigSchema,
	TYPED_TOOL_NAMES
} from '$lib/schemas';
import { fits, type Accepts, type ElementOf } from './fits';

/** `betas` is a header the SDK sets from this param; it never reaches the body. */
type BetaBody<T> = Omit<T, 'betas'>;

// Whole bodies.
fits<Accepts<typeof MessageCreateParamsSchema>>()<Sdk.MessageCreateParams>();
fits<Accepts<typeof MessageCreateParamsSchema>>()<BetaBody<Beta.MessageCreateParamsBase>>();
fits<Accepts<typeof CountTokensParamsSchema>>()<Sdk.MessageCountTokensParams>();
fits<Accepts<typeof CountTokensParamsSchema>>()<BetaBody<Beta.MessageCountTokensParams>>();
fits<Accepts<typeof BatchCreateParamsSchema>>()<SdkBatches.BatchCreateParams>();
fits<Accepts<typeof BatchCreateParamsSchema>>()<BetaBody<BetaBatches.BatchCreateParams>>();
fits<Accepts<typeof BatchRequestSchema>>()<SdkBatches.BatchCreateParams.Request>();
fits<Accepts<typeof BatchRequestSchema>>()<BetaBatches.BatchCreateParams.Request>();

// Content blocks whose type we check.
type KnownBlock = (typeof KNOWN_BLOCK_PARAM_TYPES)[number];
fits<Accepts<typeof KnownContentBlockParamSchema>>()<
	Extract<Sdk.ContentBlockParam, { type: KnownBlock }>
>();
fits<Accepts<typeof KnownContentBlockParamSchema>>()<
	Extract<Beta.BetaContentBlockParam, { type: KnownBlock }>
>();

// Sources and tool_result content whose type we check.
type ImageSource = Sdk.ImageBlockParam['source'] | Beta.BetaImageBlockParam['source'];
fits<Accepts<typeof KnownImageSourceSchema>>()<
	Extract<ImageSource, { type: 'base64' | 'url' | 'file' }>
>();
type DocumentSource = Sdk.DocumentBlockParam['source'] | Beta.BetaRequestDocumentBlock['source'];
type DocumentSourceType = 'base64' | 'text' | 'content' | 'url' | 'file';
fits<Accepts<typeof KnownDocumentSourceSchema>>()<
	Extract<DocumentSource, { type: DocumentSourceType }>
>();
type ResultContent = ElementOf<
	Sdk.ToolResultBlockParam['content'] | Beta.BetaToolResultBlockParam['content']
>;
type ResultContentType = 'text' | 'image' | 'document' | 'search_result' | 'tool_reference';
fits<Accepts<typeof KnownToolResultContentSchema>>()<
	Extract<ResultContent, { type: ResultContentType }>
>();

// Tools: custom ones, and every Anthropic-defined type we check (its fixed name included).
fits<Accepts<typeof CustomToolSchema>>()<Sdk.Tool>();
fits<Accepts<typeof CustomToolSchema>>()<Beta.BetaTool>();
type TypedTool =
	keyof typeof TYPED_TOOL_NAMES | 'computer_20241022' | 'computer_20250124' | 'computer_20251124';
fits<Accepts<typeof KnownTypedToolSchema>>()<Extract<Sdk.ToolUnion, { type: TypedTool }>>();
fits<Accepts<typeof KnownTypedToolSchema>>()<Extract<Beta.BetaToolUnion, { type: TypedTool }>>();

// Thinking modes and output config.
fits<Accepts<typeof KnownThinkingConfigSchema>>()<Sdk.ThinkingConfigParam>();
fits<Accepts<typeof KnownThinkingConfigSchema>>()<Beta.BetaThinkingConfigParam>();
fits<Accepts<typeof OutputConfigSchema>>()<Sdk.OutputConfig>();
fits<Accepts<typeof OutputConfigSchema>>()<Beta.BetaOutputConfig>();
