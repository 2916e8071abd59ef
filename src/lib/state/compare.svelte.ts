import { recordRun } from '$lib/client/history';
import { DEFAULT_MODEL, costOf, selectableModels } from '$lib/catalog';
import type { Message } from '$lib/schemas';
import { RunState } from './run.svelte';

/** What a reload keeps of a comparison: the prompt, every column's settings and last answer. */
export interface CompareSnapshot {
	prompt: string;
	maxTokens: number;
	sides: { model: string; temperature: number | null; system: string; answer: Message | null }[];
}
export const MIN_COLUMNS = 2;
export const MAX_COLUMNS = 4;

/** One column of the compare page: its own settings and its own stream. */
export class CompareSide {
	model = $state(DEFAULT_MODEL);
	/** Empty means "leave it to the API default". */
	temperature = $state<number | null>(null);
	system = $state('');
	readonly run = new RunState();
	/** The answer saved before a reload, shown until this column runs again. */
	restored = $state.raw<Message | null>(null);
	/** The request the current run was sent with (settings may have changed since). */
	#sent = $state.raw<Record<string, unknown> | null>(null);

	/** The finished answer; figures are shown once the stream has ended. */
	readonly message = $derived(this.run.isRunning ? null : this.run.message);
	readonly cost = $derived(
		this.message ? costOf(this.message.model, this.message.usage) : undefined
	);

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
		this.restored = null;
		await this.run.send(body);
		const status = this.run.status === 'stopped' ? 'stopped' : this.run.error ? 'error' : 'done';
		const { message, text, error, events } = this.run;
		// History is a convenience: a browser without IndexedDB still compares.
		await recordRun({ request: body, message, text, error, status, events: [...events] }).catch(
			() => {}
		);
	}
}

/** The compare page: one prompt, 2 to 4 settings, as many streams side by side. */
export class CompareState {
	prompt = $state('');
	maxTokens = $state(256);
	sides = $state.raw([
		new CompareSide(DEFAULT_MODEL),
		new CompareSide(selectableModels().find((m) => m.id !== DEFAULT_MODEL)?.id ?? DEFAULT_MODEL)
	]);

	addColumn(): void {
		if (this.sides.length >= MAX_COLUMNS) return;
		const used = new Set(this.sides.map((s) => s.model));
		this.sides = [
			...this.sides,
			new CompareSide(selectableModels().find((m) => !used.has(m.id))?.id ?? DEFAULT_MODEL)
		];
	}

	removeColumn(index: number): void {
		if (this.sides.length <= MIN_COLUMNS || this.isRunning) return;
		this.sides = this.sides.filter((_, i) => i !== index);
	}

	snapshot(): CompareSnapshot {
		return {
			prompt: this.prompt,
			maxTokens: this.maxTokens,
			sides: this.sides.map((s) => ({
				model: s.model,
				temperature: s.temperature,
				system: s.system,
				answer: s.run.message ?? s.restored
			}))
		};
	}

	restore(snap: CompareSnapshot): void {
		this.prompt = snap.prompt;
		this.maxTokens = snap.maxTokens;
		this.sides = snap.sides.slice(0, MAX_COLUMNS).map((saved) => {
			const side = new CompareSide(saved.model);
			side.temperature = saved.temperature;
			side.system = saved.system;
			side.restored = saved.answer;
			return side;
		});
		while (this.sides.length < MIN_COLUMNS) this.addColumn();
	}

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
