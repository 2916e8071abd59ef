import * as api from '$lib/api';
import type { PromptSummary } from '$lib/schemas';

/** How long the list waits after the last keystroke before asking the server. */
export const SEARCH_DELAY_MS = 200;

/** The saved-prompt list and its search box. */
export class PromptListState {
	query = $state('');
	prompts = $state.raw<PromptSummary[] | null>(null);
	error = $state<string | null>(null);
	#timer: ReturnType<typeof setTimeout> | undefined;
	/** Only the newest search may fill the list (an older answer can arrive later). */
	#latest = 0;

	async refresh(): Promise<void> {
		const ticket = ++this.#latest;
		try {
			const rows = await api.prompts.listPrompts(this.query);
			if (ticket !== this.#latest) return;
			this.prompts = rows;
			this.error = null;
		} catch (e) {
			if (ticket === this.#latest) this.error = e instanceof Error ? e.message : String(e);
		}
	}

	/** Typing searches a moment after the last keystroke. */
	search(query: string): void {
		this.query = query;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.refresh(), SEARCH_DELAY_MS);
	}

	dispose(): void {
		clearTimeout(this.#timer);
	}
}
