import { describeIssues, PageQuerySchema } from '$lib/schemas';
import { HttpProblem } from './http';

/** The list cursors (`limit`, `before_id`, `after_id`), validated, as strings for the upstream call. */
export function pageQuery(url: URL): Record<string, string> {
	const raw = Object.fromEntries(
		['limit', 'before_id', 'after_id'].flatMap((k) =>
			url.searchParams.has(k) ? [[k, url.searchParams.get(k)!]] : []
		)
	);
	const parsed = PageQuerySchema.safeParse(raw);
	if (!parsed.success) throw new HttpProblem('invalid_request_error', describeIssues(parsed.error));
	return raw;
}
