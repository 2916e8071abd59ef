import type { PermalinkResult } from '$lib/schemas';

export type ShareOutcome = { ok: true; id: string; url: string } | { ok: false; message: string };

/** Saves a request (and its result) as a permalink; returns the absolute link or the server's reason. */
export async function sharePermalink(input: {
	request: Record<string, unknown>;
	betas?: readonly string[];
	result?: PermalinkResult | null;
}): Promise<ShareOutcome> {
	const body = JSON.stringify({ request: input.request, betas: input.betas?.length ? input.betas : undefined, result: input.result ?? undefined });
	try {
		const res = await fetch('/api/permalinks', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
		const data = await res.json().catch(() => null);
		if (!res.ok) return { ok: false, message: data?.error?.message ?? `Sharing failed (HTTP ${res.status})` };
		return { ok: true, id: data.id, url: new URL(data.url, location.origin).href };
	} catch (e) {
		return { ok: false, message: `Sharing failed: ${(e as Error).message}` };
	}
}
