import { analyzeRequest, describeDiagnostic } from '$lib/request/lint';
import { countBreakpoints, MAX_BREAKPOINTS } from '$lib/request/breakpoints';
import { bodyToForm, blockToForm, defaultForm, emptyText, formToBody, type BlockForm, type RequestForm } from '$lib/request/form';
import { requestHeaders } from '$lib/request/headers';
import { defaultModel, FALLBACK_DEFAULT_MODEL, type ListedModel } from '$lib/request/model-list';
import { dropSampling } from '$lib/request/options';
import { DEFAULT_API_VERSION, isApiVersion, type ApiVersion } from '$lib/request/versions';
import type { ContentBlock } from '$lib/schemas';
import { RunState } from './run.svelte';

/** Where a cache breakpoint toggle sits. */
export type CacheTarget =
	| { kind: 'system'; index: number }
	| { kind: 'tool'; index: number }
	| { kind: 'block'; message: number; index: number };

/** What survives a reload (see `$lib/client/draft-storage`). */
export interface PlaygroundSnapshot {
	json: string;
	betas: string[];
	fault: string;
	/** Absent in drafts saved before the version control existed. */
	apiVersion?: ApiVersion;
}

const pretty = (body: unknown) => JSON.stringify(body, null, 2);

/** A reply block as the request must carry it back: response-only null fields dropped. */
function replyBlock(block: ContentBlock): BlockForm {
	const { citations, ...rest } = block as Record<string, unknown>;
	return blockToForm(citations == null ? rest : block);
}

/**
 * The page's state: the request being edited (form and JSON faces), its headers, and the
 * run it last sent. The form is the model; the JSON text is derived from it, except while
 * the user is typing JSON, when their text (a draft) is kept verbatim and drives the form.
 */
export class PlaygroundState {
	#form = $state<RequestForm>(defaultForm());
	#draft = $state<string | null>(null);
	betas = $state<string[]>([]);
	fault = $state('');
	/** A one-off message about a refused edit (e.g. a fifth cache breakpoint). */
	notice = $state<string | null>(null);
	models = $state.raw<ListedModel[]>([]);
	/** Sent as `anthropic-version`; decides which params the form offers and lint accepts. */
	apiVersion = $state<ApiVersion>(DEFAULT_API_VERSION);
	/** Problems in editors whose text cannot reach the form yet (a tool schema that is not JSON), by editor id. */
	editorProblems = $state<Record<string, string>>({});
	readonly run = new RunState();
	readonly isSimulator: boolean;

	readonly jsonText = $derived(this.#draft ?? pretty(formToBody(this.#form)));
	readonly #analysis = $derived(analyzeRequest(this.jsonText, this.apiVersion));
	readonly breakpoints = $derived(countBreakpoints(this.#analysis.body ?? formToBody(this.#form)));

	constructor(options: { isSimulator?: boolean } = {}) {
		this.isSimulator = options.isSimulator ?? false;
	}

	get headers(): Record<string, string> {
		return requestHeaders(this.betas, this.isSimulator ? this.fault : '', this.apiVersion);
	}
	get form(): RequestForm {
		return this.#form;
	}
	get diagnostics() {
		return this.#analysis.diagnostics;
	}
	/** The JSON does not parse, so the form shows the last version that did. */
	get isJsonBroken(): boolean {
		return this.#analysis.body === null;
	}
	/** Why Send is disabled, or null when it is not. */
	get blockedReason(): string | null {
		const [first] = this.#analysis.diagnostics;
		if (first) return describeDiagnostic(first);
		const [pending] = Object.values(this.editorProblems);
		if (pending) return pending;
		if (this.run.isRunning) return 'A response is still streaming';
		return null;
	}
	get canSend(): boolean {
		return this.blockedReason === null;
	}
	/** The body for count_tokens (prompt fields only), or null while the request is invalid. */
	get countBody(): Record<string, unknown> | null {
		const body = this.#analysis.body;
		if (!body || this.#analysis.diagnostics.length > 0) return null;
		const out: Record<string, unknown> = {};
		for (const k of ['model', 'system', 'messages', 'tools', 'tool_choice']) if (body[k] !== undefined) out[k] = body[k];
		return out;
	}

	/** Every form edit goes through here: it replaces any JSON draft with the form's body. */
	edit(change: (form: RequestForm) => void): void {
		change(this.#form);
		this.#draft = null;
		this.notice = null;
	}

	/** The JSON face was edited: keep the text, and update the form when it parses. */
	setJson(text: string): void {
		this.#draft = text;
		this.notice = null;
		let value: unknown;
		try {
			value = JSON.parse(text);
		} catch {
			return;
		}
		if (typeof value === 'object' && value !== null && !Array.isArray(value)) this.#form = bodyToForm(value as Record<string, unknown>);
	}

	loadRequest(body: Record<string, unknown>, betas?: readonly string[], apiVersion?: string): void {
		this.#form = bodyToForm(body);
		this.#draft = null;
		if (betas) this.betas = [...betas];
		if (isApiVersion(apiVersion)) this.apiVersion = apiVersion;
	}

	snapshot(): PlaygroundSnapshot {
		return { json: this.jsonText, betas: [...this.betas], fault: this.fault, apiVersion: this.apiVersion };
	}

	restore(s: PlaygroundSnapshot): void {
		this.setJson(s.json);
		this.betas = s.betas;
		this.fault = s.fault;
		if (isApiVersion(s.apiVersion)) this.apiVersion = s.apiVersion;
	}

	/** Switching to the current version drops the sampling params it refuses. */
	setApiVersion(version: ApiVersion): void {
		this.apiVersion = version;
		if (version === DEFAULT_API_VERSION) this.edit(dropSampling);
	}

	setModel(id: string): void {
		this.edit((f) => (f.model = id));
	}

	/** The model a retired or unknown one is switched to: the list's default. */
	get suggestedModel(): string {
		return defaultModel(this.models);
	}

	toggleBeta(flag: string, on: boolean): void {
		this.betas = on ? [...new Set([...this.betas, flag])] : this.betas.filter((b) => b !== flag);
	}

	/** Turns a cache breakpoint on or off; a fifth one is refused with a notice. */
	setCache(target: CacheTarget, on: boolean): void {
		if (on && this.breakpoints >= MAX_BREAKPOINTS) {
			this.notice = `At most ${MAX_BREAKPOINTS} cache breakpoints per request; remove one first.`;
			return;
		}
		this.edit((f) => {
			const cache = on ? { type: 'ephemeral' as const } : null;
			if (target.kind === 'system') {
				f.system ??= { blocks: [emptyText()], asString: true };
				f.system.blocks[target.index].cache = cache;
			}
			if (target.kind === 'tool' && f.tools) f.tools[target.index].cache = cache;
			if (target.kind === 'block') {
				const block = f.messages[target.message].blocks[target.index];
				if (block.kind !== 'raw') block.cache = cache;
			}
		});
	}

	/** Multi-turn: the assistant's reply joins the conversation, followed by an empty user turn. */
	appendReply(message: { content: ContentBlock[] }): void {
		this.edit((f) => {
			f.messages.push({ role: 'assistant', blocks: message.content.map(replyBlock), asString: false, extra: {} });
			f.messages.push({ role: 'user', blocks: [emptyText()], asString: true, extra: {} });
		});
	}

	async loadModels(): Promise<void> {
		const res = await fetch('/api/v1/models?limit=100');
		if (!res.ok) return;
		this.models = (await res.json()).data;
		// The built-in default gives way to the newest Sonnet this server actually offers.
		const listed = this.models.some((m) => m.id === this.#form.model);
		if (this.#form.model === FALLBACK_DEFAULT_MODEL && !listed) this.setModel(defaultModel(this.models));
	}

	/** The request body as it stands, or null while the JSON does not parse. */
	get body(): Record<string, unknown> | null {
		return this.#analysis.body;
	}

	/** What the last Send sent, for Share: the editor may have moved on since. */
	lastSent = $state.raw<{ body: Record<string, unknown>; betas: string[]; apiVersion: ApiVersion } | null>(null);

	/** Resolves when the run has ended (the tool loop waits for it). */
	async send(): Promise<void> {
		const body = this.#analysis.body;
		if (!this.canSend || !body) return;
		const betas = [...this.betas];
		this.lastSent = { body, betas, apiVersion: this.apiVersion };
		await this.run.send(body, this.headers);
		await this.#remember(body, betas);
	}

	/** Every run that ended (answered, failed or stopped) goes into the browser's local history. */
	async #remember(body: Record<string, unknown>, betas: string[]): Promise<void> {
		const status = this.run.status;
		if (status !== 'done' && status !== 'error' && status !== 'stopped') return;
		try {
			const { recordRun } = await import('$lib/client/history');
			const { message, text, error, events } = this.run;
			await recordRun({ request: body, betas, message, text, error, status, events: [...events] });
		} catch {
			// History is a convenience: a full or blocked IndexedDB must not break the run.
		}
	}
}
