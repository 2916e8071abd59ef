import type { PromptLink } from '$lib/client/open-request';
import type { PlaygroundSnapshot } from './playground.svelte';

/** One request being edited; several live side by side as tabs. */
export interface DraftTab {
	id: string;
	snapshot: PlaygroundSnapshot;
	/** The saved prompt this draft came from or was saved as: Save adds its next version. */
	prompt?: PromptLink;
}

/** What replacing the draft threw away, one click from coming back. */
export interface UndoSlot {
	label: string;
	snapshot: PlaygroundSnapshot;
}

const newId = () => Math.random().toString(36).slice(2, 10);

/** True when the draft holds nothing a person typed: one empty user turn, no system, no tools. */
export function isBlankDraft(snapshot: PlaygroundSnapshot): boolean {
	let body: { messages?: unknown; system?: unknown; tools?: unknown };
	try {
		body = JSON.parse(snapshot.json);
	} catch {
		return false; // broken JSON is still someone's work
	}
	if (body.system || (Array.isArray(body.tools) && body.tools.length)) return false;
	const messages = Array.isArray(body.messages) ? body.messages : [];
	if (messages.length > 1) return false;
	const content = (messages[0] as { content?: unknown } | undefined)?.content;
	if (content === undefined || content === '') return true;
	return Array.isArray(content) && content.every((b) => (b as { text?: unknown })?.text === '');
}

/** A short tab title: the first words of the first user message. */
export function draftTitle(snapshot: PlaygroundSnapshot, fallback: string): string {
	try {
		const first = JSON.parse(snapshot.json)?.messages?.[0]?.content;
		const text =
			typeof first === 'string'
				? first
				: Array.isArray(first)
					? (first.find((b) => b?.type === 'text')?.text ?? '')
					: '';
		const trimmed = String(text).trim().replace(/\s+/g, ' ');
		return trimmed ? (trimmed.length > 24 ? `${trimmed.slice(0, 23)}…` : trimmed) : fallback;
	} catch {
		return fallback;
	}
}

/**
 * Draft tabs and the undo slot. The page owns the PlaygroundState; this keeps the other tabs'
 * snapshots and decides what a load or a fresh start may throw away (nothing silently).
 */
export class DraftsState {
	tabs = $state<DraftTab[]>([]);
	activeId = $state('');
	undo = $state.raw<UndoSlot | null>(null);

	constructor(tabs: DraftTab[], activeId?: string) {
		this.tabs = tabs;
		this.activeId = tabs.some((t) => t.id === activeId) ? activeId! : (tabs[0]?.id ?? '');
	}

	static fresh(snapshot: PlaygroundSnapshot): DraftsState {
		const tab = { id: newId(), snapshot };
		return new DraftsState([tab], tab.id);
	}

	get active(): DraftTab | undefined {
		return this.tabs.find((t) => t.id === this.activeId);
	}

	/** The editor's current state, written back into the active tab. */
	record(snapshot: PlaygroundSnapshot): void {
		const tab = this.active;
		if (tab) tab.snapshot = snapshot;
	}

	/** Before a load or a fresh start overwrites `current`: keep it for Undo unless it is blank. */
	keepForUndo(label: string, current: PlaygroundSnapshot): void {
		this.undo = isBlankDraft(current) ? null : { label, snapshot: current };
	}

	/** Returns the snapshot to restore, and forgets it. */
	takeUndo(): PlaygroundSnapshot | null {
		const slot = this.undo;
		this.undo = null;
		return slot?.snapshot ?? null;
	}

	/** Adds a tab and makes it active; returns its snapshot for the editor. */
	open(snapshot: PlaygroundSnapshot): PlaygroundSnapshot {
		const tab = { id: newId(), snapshot };
		this.tabs.push(tab);
		this.activeId = tab.id;
		this.undo = null;
		return snapshot;
	}

	/** Makes another tab active; returns its snapshot, or null when it is already active. */
	select(id: string): PlaygroundSnapshot | null {
		const tab = this.tabs.find((t) => t.id === id);
		if (!tab || id === this.activeId) return null;
		this.activeId = id;
		this.undo = null;
		return tab.snapshot;
	}

	/** Closes a tab (the last one stays); returns the snapshot to show if the active one closed. */
	close(id: string): PlaygroundSnapshot | null {
		if (this.tabs.length === 1) return null;
		const index = this.tabs.findIndex((t) => t.id === id);
		if (index < 0) return null;
		this.tabs.splice(index, 1);
		if (id !== this.activeId) return null;
		const next = this.tabs[Math.min(index, this.tabs.length - 1)];
		this.activeId = next.id;
		this.undo = null;
		return next.snapshot;
	}
}
