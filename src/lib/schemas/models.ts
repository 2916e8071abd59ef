import { z } from 'zod';

/** A model as the Models API describes it (SDK 1.14 `ModelInfo`); the newer fields are nullable. */
const support = z.looseObject({ supported: z.boolean() });
export const ModelCapabilitiesSchema = z.looseObject({
	batch: support.optional(),
	citations: support.optional(),
	code_execution: support.optional(),
	context_management: support.optional(),
	effort: support.optional(),
	image_input: support.optional(),
	pdf_input: support.optional(),
	server_tools: support.optional(),
	structured_outputs: support.optional(),
	thinking: z
		.looseObject({ supported: z.boolean(), types: z.record(z.string(), support).optional() })
		.optional()
});

export const LIFECYCLES = ['active', 'deprecated', 'retired'] as const;

export const ModelInfoSchema = z.looseObject({
	type: z.literal('model'),
	id: z.string(),
	display_name: z.string(),
	created_at: z.string(),
	capabilities: ModelCapabilitiesSchema.nullish(),
	/** active | deprecated | retired, and whatever stage comes next. */
	lifecycle: z.string().optional(),
	deprecated_at: z.string().nullish(),
	retires_at: z.string().nullish(),
	line: z.string().nullish(),
	max_input_tokens: z.number().int().min(0).nullish(),
	max_tokens: z.number().int().min(0).nullish()
});
export type ModelInfo = z.infer<typeof ModelInfoSchema>;
