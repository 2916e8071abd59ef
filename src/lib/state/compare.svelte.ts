import type { ComparisonCreateInput } from '$lib/api/permalinks';
import { recordRun } from '$lib/client/history';
import { DEFAULT_MODEL, costOf, selectableModels } from '$lib/catalog';
import {
	TOOL_SOURCES,
	variantFromRequest,
	variantProblem,
	variantRequest,
	type ToolSource,
	type VariantSettings
} from '$lib/compare/variant';
import { EFFORTS, THINKING_MODES, type Effort, type ThinkingSettings } from '$lib/request/options';
import type { ComparisonDocument, Message } from '$lib/schemas';
import { DEFAULT_API_VERSION, isApiVersion, type ApiVersion } from '$lib/request/versions';
import { RunState } from './run.svelte';

type Json = Record<string, unknown>;
/** What a column last sent: the body and the `anthropic-version` it went with. */
export interface SentRequest {
	body: Json;
	apiVersion: ApiVersion;
}
export type CompareSideSnapshot = VariantSettings & { answer: Message | null; sent?: SentRequest };

/** What a reload keeps of a comparison: the prompt, every column's settings and last answer. */
export interface CompareSnapshot {
	prompt: string;
	maxTokens: number;
	sides: CompareSideSnapshot[];
}
export const MIN_COLUMNS = 2;
export const MAX_COLUMNS = 4;
export const COLUMN_LETTERS = ['A', 'B', 'C', 'D'] as const;
const NO_THINKING: ThinkingSettings = { mode: 'unset', budget: 1024, display: 'default' };

/** One column of the compare page: its own variant of the request and its own stream. */
export class CompareSide {
	model = $state(DEFAULT_MODEL);
	/** Sent as `anthropic-version`, so one request can be compared on both versions. */
	apiVersion = $state<ApiVersion>(DEFAULT_API_VERSION);
	/** Empty means "leave it to the API default"; sent only where the version allows it. */
	temperature = $state<number | null>(null);
	system = $state('');
	thinking = $state<ThinkingSettings>({ ...NO_THINKING });
	effort = $state<Effort>('unset');
	toolSource = $state<ToolSource>('none');
	customTools = $state('');
	readonly run = new RunState();
	/** The answer saved before a reload, shown until this column runs again. */
	restored = $state.raw<Message | null>(null);
	/** The request the current answer came from (settings may have changed since). */
	#sent = $state.raw<SentRequest | null>(null);

	/** The finished answer; figures are shown once the stream has ended. */
	readonly message = $derived(this.run.isRunning ? null : this.run.message);
	readonly answer = $derived(this.message ?? (this.run.status === 'idle' ? this.restored : null));
	readonly cost = $derived(
		this.message ? costOf(this.message.model, this.message.usage) : undefined
	);
	readonly problem = $derived(variantProblem(this.settings));

	get sent() {
		return this.#sent;
	}

	get settings(): VariantSettings {
		return {
			model: this.model,
			apiVersion: this.apiVersion,
			temperature: this.temperature,
			system: this.system,
			thinking: this.thinking,
			effort: this.effort,
			toolSource: this.toolSource,
			customTools: this.customTools
		};
	}

	constructor(model: string) {
		this.model = model;
	}

	request(prompt: string, maxTokens: number, playgroundTools: readonly Json[] = []): Json {
		return variantRequest($state.snapshot(this.settings), prompt, maxTokens, playgroundTools);
	}

	async send(prompt: string, maxTokens: number, playgroundTools: readonly Json[]): Promise<void> {
		const body = this.request(prompt, maxTokens, playgroundTools);
		this.#sent = { body, apiVersion: this.apiVersion };
		this.restored = null;
		await this.run.send(body, { 'anthropic-version': this.apiVersion });
		const status = this.run.status === 'stopped' ? 'stopped' : this.run.error ? 'error' : 'done';
		const { message, text, error, events } = this.run;
		// History is a convenience: a browser without IndexedDB still compares.
		await recordRun({ request: body, message, text, error, status, events: [...events] }).catch(
			() => {}
		);
	}

	snapshot(): CompareSideSnapshot {
		return {
			...$state.snapshot(this.settings),
			answer: this.run.message ?? this.restored,
			...(this.#sent ? { sent: this.#sent } : {})
		};
	}

	/** Takes back a saved column, keeping only fields of the right shape (storage can be stale). */
	static restore(saved: Partial<CompareSideSnapshot> & { model: string }): CompareSide {
		const side = new CompareSide(saved.model);
		if (isApiVersion(saved.apiVersion)) side.apiVersion = saved.apiVersion;
		if (typeof saved.temperature === 'number') side.temperature = saved.temperature;
		if (typeof saved.system === 'string') side.system = saved.system;
		const t = saved.thinking;
		if (t && (THINKING_MODES as readonly string[]).concat('unset').includes(t.mode))
			side.thinking = { ...NO_THINKING, ...t };
		if ((EFFORTS as readonly string[]).includes(saved.effort ?? '')) side.effort = saved.effort!;
		if ((TOOL_SOURCES as readonly string[]).includes(saved.toolSource ?? ''))
			side.toolSource = saved.toolSource!;
		if (typeof saved.customTools === 'string') side.customTools = saved.customTools;
		side.restored = saved.answer ?? null;
		if (saved.sent && isApiVersion(saved.sent.apiVersion)) side.#sent = saved.sent;
		return side;
	}
}

/** The compare page: one prompt, 2 to 4 variants, as many streams side by side. */
export class CompareState {
	prompt = $state('');
	maxTokens = $state(256);
	sides = $state.raw([
		new CompareSide(DEFAULT_MODEL),
		new CompareSide(selectableModels().find((m) => m.id !== DEFAULT_MODEL)?.id ?? DEFAULT_MODEL)
	]);
	/** The playground draft's tools, for columns set to use them (read again before each run). */
	playgroundTools = $state.raw<Json[]>([]);
	/** Reads the playground's tools; the page passes its reader so this class stays storage-free. */
	readonly #readPlaygroundTools: () => Json[];

	constructor(readPlaygroundTools: () => Json[] = () => []) {
		this.#readPlaygroundTools = readPlaygroundTools;
	}

	refreshPlaygroundTools(): void {
		this.playgroundTools = this.#readPlaygroundTools();
	}

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
			sides: this.sides.map((s) => s.snapshot())
		};
	}

	restore(snap: CompareSnapshot): void {
		this.prompt = snap.prompt;
		this.maxTokens = snap.maxTokens;
		this.sides = snap.sides.slice(0, MAX_COLUMNS).map((saved) => CompareSide.restore(saved));
		while (this.sides.length < MIN_COLUMNS) this.addColumn();
	}

	/** The id of the shared comparison just opened over the page's own, while Undo can bring it back. */
	openedId = $state<string | null>(null);
	#beforeOpen: CompareSnapshot | null = null;

	/** Replaces the columns with a shared comparison's: each column's settings, request and answer. */
	openShared(doc: ComparisonDocument): void {
		const columns = doc.columns.map((c) => ({
			c,
			...variantFromRequest(c.request, c.api_version)
		}));
		this.#beforeOpen = this.snapshot();
		this.restore({
			prompt: doc.prompt || columns[0].prompt,
			maxTokens: columns[0].maxTokens,
			sides: columns.map(({ c, settings }) => ({
				...settings,
				answer: c.result.message ?? null,
				sent: { body: c.request, apiVersion: settings.apiVersion }
			}))
		});
		this.openedId = doc.id;
	}

	/** Puts back the comparison that was on the page before `openShared`. */
	undoOpen(): void {
		if (this.#beforeOpen) this.restore(this.#beforeOpen);
		this.forgetOpen();
	}

	forgetOpen(): void {
		this.#beforeOpen = null;
		this.openedId = null;
	}

	readonly isRunning = $derived(this.sides.some((s) => s.run.isRunning));
	/** The first column that cannot run as set, named by its letter. */
	readonly problem = $derived.by(() => {
		const i = this.sides.findIndex((s) => s.problem);
		return i < 0 ? null : `Setting ${COLUMN_LETTERS[i]}: ${this.sides[i].problem}`;
	});
	readonly canRun = $derived(
		this.prompt.trim() !== '' && this.maxTokens >= 1 && !this.isRunning && !this.problem
	);
	/** Every column has an answer (or an error) from a request it sent: the comparison can be shared. */
	readonly canShare = $derived(
		!this.isRunning && this.sides.every((s) => s.sent && (s.answer || s.run.error))
	);

	async runAll(): Promise<void> {
		if (!this.canRun) return;
		this.forgetOpen(); // after a new run, Undo would throw its answers away
		this.refreshPlaygroundTools();
		const tools = this.playgroundTools;
		await Promise.all(this.sides.map((s) => s.send(this.prompt, this.maxTokens, tools)));
	}

	stop(): void {
		for (const s of this.sides) s.run.stop();
	}

	/**
	 * The comparison as it ran, for a permalink: each column's request as sent (settings edited
	 * since are not in it) and its answer or error. Null until every column has run.
	 */
	shareInput(): ComparisonCreateInput | null {
		if (!this.canShare) return null;
		const columns = this.sides.map((s, i) => {
			const sent = s.sent!;
			const error = s.run.error;
			return {
				label: COLUMN_LETTERS[i],
				api_version: sent.apiVersion,
				request: sent.body,
				result: {
					message: s.answer,
					error: error ? { type: error.type, message: error.message } : null,
					// The raw event log, when the answer was streamed on this page (not restored).
					...(s.run.events.length
						? { events: s.run.events.map(({ event, data, at }) => ({ event, data, at })) }
						: {})
				}
			};
		});
		const content = (columns[0].request.messages as { content?: unknown }[] | undefined)?.[0]
			?.content;
		const prompt = typeof content === 'string' ? content : this.prompt;
		return $state.snapshot({ kind: 'comparison' as const, prompt, columns });
	}
}
