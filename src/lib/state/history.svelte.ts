import { clearRuns, deleteRun, listRuns, togglePin, type HistoryEntry } from '$lib/client/history';
import { matches } from '$lib/client/history-logic';

/** The /history page's view of local history: entries, the search query, and the actions on them. */
export class HistoryState {
	#entries = $state.raw<HistoryEntry[]>([]);
	#isLoaded = $state(false);
	#error = $state<string | null>(null);
	query = $state('');

	/** '' for all, else 'done' | 'stopped' | 'error'. */
	status = $state('');
	/** '' for all models. */
	model = $state('');
	readonly models = $derived(
		[...new Set(this.#entries.map((e) => e.model).filter(Boolean))].sort()
	);
	readonly visible = $derived(
		this.#entries.filter(
			(e) =>
				matches(e, this.query) &&
				(!this.status || (e.status ?? (e.error ? 'error' : 'done')) === this.status) &&
				(!this.model || e.model === this.model)
		)
	);

	get entries() {
		return this.#entries;
	}
	get isLoaded() {
		return this.#isLoaded;
	}
	get error() {
		return this.#error;
	}

	async load(): Promise<void> {
		await this.#act(async () => {
			this.#entries = await listRuns();
			this.#isLoaded = true;
		});
	}

	async remove(id: string): Promise<void> {
		await this.#act(() => deleteRun(id));
	}

	async togglePin(id: string): Promise<void> {
		await this.#act(() => togglePin(id));
	}

	async clear(): Promise<void> {
		await this.#act(() => clearRuns());
	}

	/** Every action re-reads the list so the page shows what is really stored. */
	async #act(action: () => Promise<unknown>): Promise<void> {
		try {
			await action();
			this.#entries = await listRuns();
			this.#error = null;
		} catch (e) {
			this.#error = `Local history is unavailable: ${(e as Error).message}`;
		}
	}
}
