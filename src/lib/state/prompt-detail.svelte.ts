import * as api from '$lib/api';
import type { PromptDetail } from '$lib/schemas';

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** One saved prompt's page: its versions, and renaming or deleting it (its owner only). */
export class PromptDetailState {
	prompt = $state.raw<PromptDetail | null>(null);
	error = $state<string | null>(null);
	isBusy = $state(false);

	constructor(readonly id: string) {}

	/** The newest version's name is the prompt's name. */
	get name(): string {
		return this.prompt?.versions[0]?.name ?? '';
	}

	async load(): Promise<void> {
		try {
			this.prompt = await api.prompts.getPrompt(this.id);
			this.error = null;
		} catch (e) {
			this.error = messageOf(e);
		}
	}

	/** Resolves true when renamed (the versions are read again: the rename is the newest one). */
	async rename(name: string): Promise<boolean> {
		return this.#act(async () => {
			await api.prompts.renamePrompt(this.id, name);
			await this.load();
		});
	}

	/** Resolves true when the prompt and its versions are gone. */
	async remove(): Promise<boolean> {
		return this.#act(() => api.prompts.deletePrompt(this.id).then(() => {}));
	}

	async #act(work: () => Promise<void>): Promise<boolean> {
		this.isBusy = true;
		this.error = null;
		try {
			await work();
			return true;
		} catch (e) {
			this.error = messageOf(e);
			return false;
		} finally {
			this.isBusy = false;
		}
	}
}
