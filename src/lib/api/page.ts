import type { z } from 'zod';
import type { pageSchema } from '$lib/schemas';

/** One page of a cursor-paginated list, as the API returns it. */
export type Page<T> = z.infer<ReturnType<typeof pageSchema<z.ZodType<T>>>>;

/** Where a page starts: the first page, the page before an id, or the page after one. */
export type Cursor = { before_id: string } | { after_id: string } | null;
