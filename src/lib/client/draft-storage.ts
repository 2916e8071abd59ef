import type { DraftTab } from '$lib/state/drafts.svelte';
import type { PlaygroundSnapshot } from '$lib/state/playground.svelte';

/** The requests being edited (one per tab), kept in localStorage so a reload loses none. */
const KEY = 'playground:drafts:v2';
/**
 * The active tab's draft alone, read by other pages (a new batch starts from it). Before tabs
 * this was the only draft, so when KEY is missing it becomes the first tab.
 */
const ACTIVE_KEY = 'playground:draft:v1';

function asSnapshot(v: unknown): PlaygroundSnapshot | null {
	const s = v as Partial<PlaygroundSnapshot> | null;
	if (typeof s?.json !== 'string' || !Array.isArray(s.betas) || typeof s.fault !== 'string')
		return null;
	const betas = s.betas.filter((b: unknown): b is string => typeof b === 'string');
	return {
		json: s.json,
		betas,
		fault: s.fault,
		...(s.apiVersion ? { apiVersion: s.apiVersion } : {})
	};
}

export function loadDraftTabs(): { tabs: DraftTab[]; activeId: string } | null {
	try {
		const raw = localStorage.getItem(KEY);
		if (raw) {
			const v = JSON.parse(raw);
			const tabs = (Array.isArray(v?.tabs) ? v.tabs : []).flatMap((t: DraftTab) => {
				const snapshot = asSnapshot(t?.snapshot);
				const prompt = typeof t?.prompt?.id === 'string' ? t.prompt : undefined;
				return typeof t?.id === 'string' && snapshot
					? [{ id: t.id, snapshot, ...(prompt ? { prompt } : {}) }]
					: [];
			});
			if (tabs.length) return { tabs, activeId: String(v.activeId ?? '') };
		}
		const legacy = asSnapshot(JSON.parse(localStorage.getItem(ACTIVE_KEY) ?? 'null'));
		return legacy ? { tabs: [{ id: 'draft-1', snapshot: legacy }], activeId: 'draft-1' } : null;
	} catch {
		return null; // storage disabled or a corrupt entry: start fresh
	}
}

/** The draft in the active tab, or null. */
export function loadDraft(): PlaygroundSnapshot | null {
	try {
		return asSnapshot(JSON.parse(localStorage.getItem(ACTIVE_KEY) ?? 'null'));
	} catch {
		return null;
	}
}

export function saveDraftTabs(tabs: DraftTab[], activeId: string): void {
	try {
		localStorage.setItem(KEY, JSON.stringify({ tabs, activeId }));
		const active = tabs.find((t) => t.id === activeId);
		if (active) localStorage.setItem(ACTIVE_KEY, JSON.stringify(active.snapshot));
	} catch {
		// quota or privacy mode: the drafts just won't survive a reload
	}
}
