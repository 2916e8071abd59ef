import { DEFAULT_MODEL } from '$lib/models';
import type { ModelInfo } from '$lib/schemas';
import { RunState } from './run.svelte';

/** The page's state: the request being edited and the run it last sent. */
export class PlaygroundState {
	model = $state(DEFAULT_MODEL);
	prompt = $state('');
	models = $state.raw<ModelInfo[]>([]);
	readonly run = new RunState();

	get canSend(): boolean {
		return this.prompt.trim() !== '' && !this.run.isRunning;
	}

	async loadModels(): Promise<void> {
		const res = await fetch('/api/v1/models?limit=100');
		if (res.ok) this.models = (await res.json()).data;
	}

	send(): void {
		if (!this.canSend) return;
		void this.run.send({ model: this.model, max_tokens: 1024, messages: [{ role: 'user', content: this.prompt }] });
	}
}
