import { loadDraftTabs, saveDraftTabs } from '$lib/client/draft-storage';
import type { PromptLink } from '$lib/client/open-request';
import { defaultForm, formToBody } from '$lib/request/form';
import { DraftsState } from './drafts.svelte';
import type { PlaygroundSnapshot, PlaygroundState } from './playground.svelte';

/** Where a loaded request came from, as the undo bar names it. */
const SOURCE_LABELS: Record<string, string> = {
	permalink: 'The shared request',
	history: 'The run from history',
	'batch-request': 'The batch request',
	prompt: 'The saved prompt'
};
export const sourceLabel = (param: string) =>
	SOURCE_LABELS[param.split(':', 1)[0]] ?? 'The loaded request';

/**
 * The playground's drafts: which tab is shown, what a load may overwrite (nothing silently:
 * the old draft stays one Undo away) and what survives a reload (every tab, in localStorage).
 */
export class DraftSession {
	drafts = $state<DraftsState>() as DraftsState;

	constructor(private readonly playground: PlaygroundState) {
		this.drafts = DraftsState.fresh(playground.snapshot());
	}

	/** Reads the saved tabs and shows the active one. */
	start(): void {
		const saved = loadDraftTabs();
		if (!saved) return;
		this.drafts = new DraftsState(saved.tabs, saved.activeId);
		const active = this.drafts.active;
		if (active) this.playground.restore(active.snapshot);
	}

	/** Called after edits settle: the active tab takes the editor's state, and all tabs are saved. */
	persist(snapshot: PlaygroundSnapshot): void {
		this.drafts.record(snapshot);
		saveDraftTabs($state.snapshot(this.drafts.tabs), this.drafts.activeId);
	}

	/** Replaces the draft with a loaded request, keeping the old one for Undo. */
	load(
		label: string,
		body: Record<string, unknown>,
		betas?: readonly string[],
		apiVersion?: string,
		prompt?: PromptLink
	): void {
		this.drafts.keepForUndo(label, this.playground.snapshot());
		this.playground.loadRequest(body, betas, apiVersion);
		this.link(prompt);
	}

	/** Before an in-place change that replaces part of the draft (an example tool set). */
	keepForUndo(label: string): void {
		this.drafts.keepForUndo(label, this.playground.snapshot());
	}

	/** Ties the active draft to a saved prompt (or unties it). */
	link(prompt: PromptLink | undefined): void {
		const tab = this.drafts.active;
		if (!tab) return;
		if (prompt) tab.prompt = prompt;
		else delete tab.prompt;
		this.persist(this.playground.snapshot());
	}

	undo(): void {
		const snapshot = this.drafts.takeUndo();
		if (snapshot) this.playground.restore(snapshot);
	}

	/** Clears the conversation; the system prompt and tools stay when asked to. */
	newConversation(keepSystemAndTools: boolean): void {
		this.drafts.keepForUndo('New conversation', this.playground.snapshot());
		this.playground.newConversation(keepSystemAndTools);
	}

	newTab(): void {
		this.persist(this.playground.snapshot());
		const form = defaultForm();
		form.model = this.playground.form.model ?? form.model;
		const blank = {
			json: JSON.stringify(formToBody(form), null, 2),
			betas: [],
			fault: '',
			apiVersion: this.playground.apiVersion
		};
		this.playground.restore(this.drafts.open(blank));
	}

	select(id: string): void {
		this.persist(this.playground.snapshot());
		const snapshot = this.drafts.select(id);
		if (snapshot) this.playground.restore(snapshot);
	}

	close(id: string): void {
		const snapshot = this.drafts.close(id);
		if (snapshot) this.playground.restore(snapshot);
		this.persist(this.playground.snapshot());
	}
}
