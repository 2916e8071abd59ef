import { recordRun } from '$lib/client/history';
import { DEFAULT_MODEL, costOf, selectableModels } from '$lib/catalog';
import { RunState } from './run.svelte';

/** One column of the compare page: its own settings and its own stream. */
export class CompareSide {
	model = $state(DEFAULT_MODEL);
	/** Empty means "leave it to the API default". */
	temperature = $state<number | null>(null);
	system = $state('');
	readonly run = new RunState();
	/** The request the current run was sent with (settings may have changed since). */
	#sent = $state.raw<Record<string, unknown> | null>(null);

	/** The finished answer; figures are shown once the stream has ended. */
	readonly message = $derived(this.run.isRunning ? null : this.run.message);
	readonly cost = $derived(this.message ? costOf(this.message.model, this.message.usage) : undefined);

	get sent() {
		return this.#sent;
	}

	constructor(model: string) {
		this.model = model;
	}

	request(prompt: string, maxTokens: number): Record<string, unknown> {
		return {
			model: this.model,
			max_tokens: maxTokens,
			...(this.system.trim() ? { system: this.system } : {}),
			...(this.temperature !== null ? { temperature: this.temperature } : {}),
			messages: [{ role: 'user', content: prompt }]
		};
	}

	async send(prompt: string, maxTokens: number): Promise<void> {
		const body = this.request(prompt, maxTokens);
		this.#sent = body;
		await this.run.send(body);
		if (this.run.status === 'stopped') return;
		// History is a convenience: a browser without IndexedDB still compares.
		await recordRun({ request: body, message: this.run.message, text: this.run.text, error: this.run.error }).catch(() => {});
	}
}

/** The compare page: one prompt, two settings, two streams side by side. */
export class CompareState {
	prompt = $state('');
	maxTokens = $state(256);
	readonly sides = [new CompareSide(DEFAULT_MODEL), new CompareSide(selectableModels().find((m) => m.id !== DEFAULT_MODEL)?.id ?? DEFAULT_MODEL)];

	readonly isRunning = $derived(this.sides.some((s) => s.run.isRunning));
	readonly canRun = $derived(this.prompt.trim() !== '' && this.maxTokens >= 1 && !this.isRunning);

	async runBoth(): Promise<void> {
		if (!this.canRun) return;
		await Promise.all(this.sides.map((s) => s.send(this.prompt, this.maxTokens)));
	}

	stop(): void {
		for (const s of this.sides) s.run.stop();
	}
}
