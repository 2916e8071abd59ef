import { recordRun } from '$lib/client/history';
import { summarizeRun } from '$lib/client/run-summary';
import { costOf } from '$lib/cost';
import { DEFAULT_MODEL, MODELS } from '$lib/models';
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

	/** Summarised once the stream has ended; re-assembling on every delta would cost O(n²). */
	readonly summary = $derived(this.run.isRunning ? null : summarizeRun(this.run.events));
	readonly cost = $derived(this.summary?.message ? costOf(this.summary.message.model, this.summary.message.usage) : undefined);

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
		const { message } = summarizeRun(this.run.events);
		// History is a convenience: a browser without IndexedDB still compares.
		await recordRun({ request: body, message, text: this.run.text, error: this.run.error }).catch(() => {});
	}
}

/** The compare page: one prompt, two settings, two streams side by side. */
export class CompareState {
	prompt = $state('');
	maxTokens = $state(256);
	readonly sides = [new CompareSide(DEFAULT_MODEL), new CompareSide(MODELS.find((m) => m.id !== DEFAULT_MODEL)?.id ?? DEFAULT_MODEL)];

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
