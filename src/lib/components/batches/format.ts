import type { RequestCounts } from '$lib/schemas';

/** Short local date-time for batch timestamps; empty for null. */
export function when(iso: string | null): string {
	if (!iso) return '';
	const d = new Date(iso);
	return d.toLocaleString(undefined, {
		month: 'short',
		day: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit'
	});
}

/** Requests in the batch (the counts always add up to it). */
export function total(c: RequestCounts): number {
	return c.processing + c.succeeded + c.errored + c.canceled + c.expired;
}
