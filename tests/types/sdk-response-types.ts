/**
 * Every response SDK 1.14 can receive is one our response schemas accept (issue 13): messages,
 * stream events, content blocks, batches and their result lines, models. When a new SDK adds a
 * field or narrows one we check, `npm run check` (svelte-check over tsconfig, which includes
 * tests/**) fails here and names what moved. Never run; it only has to compile.
 *
 * Blocks, deltas and events of an unknown `type` pass through our schemas (their input type
 * is `{ type: string }`), so the known ones are also checked one by one against the schema
 * that knows only them: a narrower check cannot hide behind the pass-through.
 */
import type { z } from 'zod';
import type * as Sdk from '@anthropic-ai/sdk/resources/messages/messages';
import type * as SdkBatches from '@anthropic-ai/sdk/resources/messages/batches';
import type * as SdkModels from '@anthropic-ai/sdk/resources/models';
import type {
	BatchResultLineSchema,
	CitationSchema,
	ContentBlockStartEventSchema,
	KnownContentBlockSchema,
	KnownStreamEventSchema,
	MessageBatchSchema,
	MessageDeltaEventSchema,
	MessageSchema,
	MessageStartEventSchema,
	ModelInfoSchema,
	StreamEventSchema,
	UsageSchema
} from '$lib/schemas';
import type { CitationsDeltaSchema, DeltaSchema } from '$lib/schemas/events';

/** Our loose schemas' input carries `[k: string]: unknown`; SDK interfaces have none: drop it, deeply. */
type Checked<T> = T extends readonly (infer U)[]
	? readonly Checked<U>[]
	: T extends object
		? { [K in keyof T as string extends K ? never : K]: Checked<T[K]> }
		: T;
type Accepts<S extends z.ZodType> = Checked<z.input<S>>;
/** `fits<Ours>()<Sdk>()` compiles only when every `Sdk` value is an `Ours` value. */
const fits =
	<Target>() =>
	<_Source extends Target>(): void =>
		undefined;

// Whole responses.
fits<Accepts<typeof MessageSchema>>()<Sdk.Message>();
fits<Accepts<typeof UsageSchema>>()<Sdk.Usage>();
fits<Accepts<typeof StreamEventSchema>>()<Sdk.RawMessageStreamEvent>();
fits<Accepts<typeof MessageBatchSchema>>()<SdkBatches.MessageBatch>();
fits<Accepts<typeof BatchResultLineSchema>>()<SdkBatches.MessageBatchIndividualResponse>();
fits<Accepts<typeof ModelInfoSchema>>()<SdkModels.ModelInfo>();

// Known members one by one, so the pass-through cannot hide a mismatch.
type KnownBlock = Extract<
	Sdk.ContentBlock,
	{ type: z.input<typeof KnownContentBlockSchema>['type'] }
>;
fits<Accepts<typeof KnownContentBlockSchema>>()<KnownBlock>();
fits<Accepts<typeof KnownStreamEventSchema>>()<Sdk.RawMessageStreamEvent>();
fits<Accepts<typeof MessageStartEventSchema>>()<Sdk.RawMessageStartEvent>();
fits<Accepts<typeof MessageDeltaEventSchema>>()<Sdk.RawMessageDeltaEvent>();
fits<Accepts<typeof ContentBlockStartEventSchema>>()<Sdk.RawContentBlockStartEvent>();
fits<Accepts<typeof DeltaSchema>>()<Sdk.RawContentBlockDeltaEvent['delta']>();
fits<Accepts<typeof CitationsDeltaSchema>>()<Sdk.CitationsDelta>();
fits<Accepts<typeof CitationSchema>>()<Sdk.TextCitation>();

// Every known block type of ours is one the SDK has (a typo in our list would not compile).
fits<Sdk.ContentBlock['type']>()<z.input<typeof KnownContentBlockSchema>['type']>();
