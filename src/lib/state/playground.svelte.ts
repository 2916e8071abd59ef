import { models } from '$lib/api';
import { defaultModel, FALLBACK_DEFAULT_MODEL, type ListedModel } from '$lib/request/model-list';
import type { ApiVersion } from '$lib/request/versions';
import { RequestState, type RequestSnapshot } from './request.svelte';
import { RunState } from './run.svelte';

export type { CacheTarget } from './request.svelte';
export type PlaygroundSnapshot = RequestSnapshot;
export type PlaygroundPane = 'request' | 'response';

export interface PlaygroundOptions {
	isSimulator?: boolean;
	/** Called after every run ends (a 429 too): tokens were spent or refused. */
	onRunEnded?: () => void;
}

/**
 * The playground page's state: the request being edited (see RequestState), the models on
 * offer, and the run it last sent. Handed to components through `state/context.ts`.
 */
export class PlaygroundState extends RequestState {
	#models = $state.raw<ListedModel[]>([]);
	#lastSent = $state.raw<{
		body: Record<string, unknown>;
		betas: string[];
		apiVersion: ApiVersion;
	} | null>(null);
	readonly run = new RunState();
	/** The pane a narrow screen shows; starting a run brings the answer up. */
	pane = $state<PlaygroundPane>('request');
	readonly #onRunEnded: () => void;

	constructor(options: PlaygroundOptions = {}) {
		super(options);
		this.#onRunEnded = options.onRunEnded ?? (() => {});
	}

	get models(): readonly ListedModel[] {
		return this.#models;
	}
	/** The model a retired or unknown one is switched to: the list's default. */
	get suggestedModel(): string {
		return defaultModel(this.#models);
	}
	/** What the last Send sent, for Share: the editor may have moved on since. */
	get lastSent() {
		return this.#lastSent;
	}
	/** Why Send is disabled, or null when it is not. */
	get blockedReason(): string | null {
		return this.problem ?? (this.run.isRunning ? 'A response is still streaming' : null);
	}
	get canSend(): boolean {
		return this.blockedReason === null;
	}

	async loadModels(): Promise<void> {
		try {
			// Retired ones too: the picker leaves them out, but a request naming one is warned about by name.
			this.#models = (
				await models.list({ limit: 100, lifecycle: ['active', 'deprecated', 'retired'] })
			).data as ListedModel[];
		} catch {
			return; // The picker then shows just the request's own model.
		}
		// The built-in default gives way to the newest Sonnet this server actually offers.
		const listed = this.#models.some((m) => m.id === this.form.model);
		if (this.form.model === FALLBACK_DEFAULT_MODEL && !listed)
			this.setModel(defaultModel(this.#models));
	}

	/** Resolves when the run has ended (the tool loop waits for it). */
	async send(): Promise<void> {
		const body = this.body;
		if (!this.canSend || !body) return;
		const betas = [...this.betas];
		this.#lastSent = { body, betas, apiVersion: this.apiVersion };
		this.pane = 'response';
		await this.run.send(body, this.headers);
		this.#onRunEnded();
		await this.#remember(body, betas);
	}

	/** Sends the last request again, exactly as it went. */
	async retry(): Promise<void> {
		if (!this.run.canRetry || !this.#lastSent) return;
		this.pane = 'response';
		await this.run.retry();
		this.#onRunEnded();
		await this.#remember(this.#lastSent.body, this.#lastSent.betas);
	}

	/** Every run that ended (answered, failed or stopped) goes into the browser's local history. */
	async #remember(body: Record<string, unknown>, betas: string[]): Promise<void> {
		const status = this.run.status;
		if (status !== 'done' && status !== 'error' && status !== 'stopped') return;
		try {
			const { recordRun } = await import('$lib/client/history');
			const { message, text, error, events } = this.run;
			// The log as the run holds it (no copy): history keeps only a small one, and stops counting early.
			await recordRun({ request: body, betas, message, text, error, status, events });
		} catch {
			// History is a convenience: a full or blocked IndexedDB must not break the run.
		}
	}
}
