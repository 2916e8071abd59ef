import { z } from 'zod';

/**
 * The shape of the catalog file (`catalog.json`, or the file `CATALOG_FILE` names). Prices are
 * USD per million tokens. Every price and rule carries where it came from and when someone last
 * checked it, so a stale number is visible rather than silently wrong.
 */
const date = z.iso.date();
const datetime = z.iso.datetime({ offset: true });
const usd = z.number().min(0);
const provenance = { source: z.string().min(1), checked: date, note: z.string().optional() };

export const PriceSchema = z.object({
	input: usd,
	output: usd,
	/** Missing cache prices follow the catalog's rules (1.25x / 2x input; reads 0.1x). */
	cache_write_5m: usd.optional(),
	cache_write_1h: usd.optional(),
	cache_read: usd.optional()
});

export const ThinkingTypeSchema = z.enum(['enabled', 'adaptive', 'disabled', 'between_tools']);

export const CatalogModelSchema = z.object({
	id: z.string().min(1),
	aliases: z.array(z.string().min(1)).default([]),
	display_name: z.string().min(1),
	line: z.string().min(1).nullable(),
	created_at: datetime,
	context_window: z.number().int().positive(),
	max_output_tokens: z.number().int().positive(),
	min_cacheable_tokens: z.number().int().min(0).default(1024),
	deprecated_at: datetime.nullable().default(null),
	retires_at: datetime.nullable().default(null),
	price: PriceSchema,
	/** Prompt-length bands (Haiku 5.5): past the threshold, every token of that request costs more. */
	price_bands: z
		.array(z.object({ above_prompt_tokens: z.number().int().positive(), price: PriceSchema }))
		.optional(),
	capabilities: z.object({
		thinking: z.array(ThinkingTypeSchema),
		effort: z.boolean(),
		structured_outputs: z.boolean(),
		citations: z.boolean(),
		pdf_input: z.boolean(),
		image_input: z.boolean(),
		server_tools: z.boolean()
	}),
	...provenance
});

const factor = z.object({
	factor: z.number().min(0),
	applies_to: z.string().optional(),
	...provenance
});

export const CatalogSchema = z
	.object({
		$comment: z.string().optional(),
		/** The date the file was last reviewed as a whole. */
		version: date,
		default_model: z.string().min(1),
		rules: z.object({
			batch_discount: factor,
			cache_write_5m_multiplier: factor,
			cache_write_1h_multiplier: factor,
			thinking_tokens: z.object({ billed_as: z.literal('output'), ...provenance })
		}),
		server_tools: z.object({
			web_search: z.object({ usd_per_1000_requests: usd, usage_field: z.string(), ...provenance }),
			web_fetch: z.object({ usd_per_1000_requests: usd, usage_field: z.string(), ...provenance }),
			code_execution: z.object({
				usd_per_container_hour: usd,
				free_hours_per_day: z.number().min(0),
				...provenance
			})
		}),
		models: z.array(CatalogModelSchema).min(1)
	})
	.superRefine((c, ctx) => {
		const seen = new Set<string>();
		c.models.forEach((m, i) => {
			for (const name of [m.id, ...m.aliases]) {
				if (seen.has(name))
					ctx.addIssue({
						code: 'custom',
						path: ['models', i, 'id'],
						message: `${name} is listed twice`
					});
				seen.add(name);
			}
		});
		if (!seen.has(c.default_model))
			ctx.addIssue({
				code: 'custom',
				path: ['default_model'],
				message: `${c.default_model} is not a model in the catalog`
			});
	});

export type Catalog = z.infer<typeof CatalogSchema>;
export type CatalogModel = z.infer<typeof CatalogModelSchema>;
export type Price = z.infer<typeof PriceSchema>;
export type Lifecycle = 'active' | 'deprecated' | 'retired';
