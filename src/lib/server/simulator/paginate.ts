import type { PageQuery } from '$lib/schemas';

/** The API's cursor pagination over a newest-first list: `after_id` pages on, `before_id` pages back. */
export function paginate<T extends { id: string }>(items: readonly T[], query: PageQuery) {
	let start = 0;
	let end = items.length;
	if (query.after_id !== undefined) {
		const i = items.findIndex((x) => x.id === query.after_id);
		start = i < 0 ? items.length : i + 1;
		end = Math.min(items.length, start + query.limit);
	} else if (query.before_id !== undefined) {
		const i = items.findIndex((x) => x.id === query.before_id);
		end = i < 0 ? 0 : i;
		start = Math.max(0, end - query.limit);
	} else {
		end = Math.min(items.length, query.limit);
	}
	const data = items.slice(start, end);
	const hasMore = query.before_id !== undefined ? start > 0 : end < items.length;
	return {
		data,
		has_more: hasMore,
		first_id: data[0]?.id ?? null,
		last_id: data[data.length - 1]?.id ?? null
	};
}
