import { z } from 'zod';

export const ModelInfoSchema = z.looseObject({
	type: z.literal('model'),
	id: z.string(),
	display_name: z.string(),
	created_at: z.string()
});
export type ModelInfo = z.infer<typeof ModelInfoSchema>;
