import type { PlaygroundSnapshot } from '$lib/state/playground.svelte';

/** The request being edited, kept in localStorage so a reload does not lose it. */
const KEY = 'playground:draft:v1';

export function loadDraft(): PlaygroundSnapshot | null {
	try {
		const raw = localStorage.getItem(KEY);
		if (!raw) return null;
		const v = JSON.parse(raw);
		if (typeof v?.json !== 'string' || !Array.isArray(v.betas) || typeof v.fault !== 'string') return null;
		return { json: v.json, betas: v.betas.filter((b: unknown) => typeof b === 'string'), fault: v.fault };
	} catch {
		return null; // storage disabled or a corrupt entry: start fresh
	}
}

export function saveDraft(s: PlaygroundSnapshot): void {
	try {
		localStorage.setItem(KEY, JSON.stringify(s));
	} catch {
		// quota or privacy mode: the draft just won't survive a reload
	}
}
