import { permalinks, toUserMessage } from '$lib/api';
import type { ComparisonCreateInput } from '$lib/api/permalinks';
import type { PermalinkResult } from '$lib/schemas';

export type ShareOutcome = { ok: true; id: string; url: string } | { ok: false; message: string };

/** Saves a request (and its result) as a permalink; returns the absolute link or the server's reason. */
export async function sharePermalink(input: {
	request: Record<string, unknown>;
	betas?: readonly string[];
	result?: PermalinkResult | null;
}): Promise<ShareOutcome> {
	return outcomeOf(
		permalinks.create({
			request: input.request,
			betas: input.betas?.length ? [...input.betas] : undefined,
			result: input.result ?? undefined
		})
	);
}

/** Saves a whole comparison (each column's request and answer) as one permalink. */
export function shareComparison(input: ComparisonCreateInput): Promise<ShareOutcome> {
	return outcomeOf(permalinks.createComparison(input));
}

async function outcomeOf(created: Promise<{ id: string; url: string }>): Promise<ShareOutcome> {
	try {
		const { id, url } = await created;
		return { ok: true, id, url: new URL(url, location.origin).href };
	} catch (e) {
		return { ok: false, message: `Sharing failed: ${toUserMessage(e)}` };
	}
}
