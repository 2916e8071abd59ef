import type { CompareSnapshot } from '$lib/state/compare.svelte';

/** The comparison being worked on, kept in localStorage so a reload shows it again. */
const KEY = 'playground:compare:v1';

export function loadComparison(): CompareSnapshot | null {
	try {
		const v = JSON.parse(localStorage.getItem(KEY) ?? 'null');
		if (typeof v?.prompt !== 'string' || typeof v.maxTokens !== 'number' || !Array.isArray(v.sides))
			return null;
		const sides = v.sides.filter((s: { model?: unknown }) => typeof s?.model === 'string');
		return { prompt: v.prompt, maxTokens: v.maxTokens, sides };
	} catch {
		return null; // storage disabled or a corrupt entry: start fresh
	}
}

export function saveComparison(snapshot: CompareSnapshot): void {
	try {
		localStorage.setItem(KEY, JSON.stringify(snapshot));
	} catch {
		// quota or privacy mode: the comparison just won't survive a reload
	}
}
