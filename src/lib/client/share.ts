import { permalinks, toUserMessage } from '$lib/api';
import type { PermalinkResult } from '$lib/schemas';

export type ShareOutcome = { ok: true; id: string; url: string } | { ok: false; message: string };

/** Saves a request (and its result) as a permalink; returns the absolute link or the server's reason. */
export async function sharePermalink(input: {
	request: Record<string, unknown>;
	betas?: readonly string[];
	result?: PermalinkResult | null;
}): Promise<ShareOutcome> {
	try {
		const { id, url } = await permalinks.create({
			request: input.request,
			betas: input.betas?.length ? [...input.betas] : undefined,
			result: input.result ?? undefined
		});
		return { ok: true, id, url: new URL(url, location.origin).href };
	} catch (e) {
		return { ok: false, message: `Sharing failed: ${toUserMessage(e)}` };
	}
}
