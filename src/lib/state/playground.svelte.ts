import { models } from '$lib/api';
import { analyzeRequest, describeDiagnostic } from '$lib/request/lint';
import { countBreakpoints, MAX_BREAKPOINTS } from '$lib/request/breakpoints';
import { bodyToForm, defaultForm, formToBody, type BlockForm, type ParamsForm, type RequestForm } from '$lib/request/form';
import * as edits from '$lib/request/form-edits';
import { requestHeaders } from '$lib/request/headers';
import type { ContentBlock, ModelInfo, ToolChoice } from '$lib/schemas';
import type { ToolExample } from '$lib/tools/examples';
import * as tools from '$lib/tools/form-tools';
import type { Turn } from '$lib/tools/pairing';
import type { BetaToolType, Display } from '$lib/tools/tool-defs';
import { RunState } from './run.svelte';
import { ToolSchemaDrafts } from './tool-schema-drafts.svelte';

export type { CacheTarget } from '$lib/request/form-edits';

/** What survives a reload (see `$lib/client/draft-storage`). */
export interface PlaygroundSnapshot {
	json: string;
	betas: string[];
	fault: string;
}

const pretty = (body: unknown) => JSON.stringify(body, null, 2);

/**
 * The page's state: the request being edited (form and JSON faces), its headers, and the
 * run it last sent. The form is the model; the JSON text is derived from it, except while
 * the user is typing JSON, when their text (a draft) is kept verbatim and drives the form.
 * Components change it only through the intent-named methods below (see `state/context.ts`).
 */
export class PlaygroundState {
	#form = $state<RequestForm>(defaultForm());
	#draft = $state<string | null>(null);
	#betas = $state<string[]>([]);
	#fault = $state('');
	/** A one-off message about a refused edit (e.g. a fifth cache breakpoint). */
	#notice = $state<string | null>(null);
	#models = $state.raw<ModelInfo[]>([]);
	#lastSent = $state.raw<{ body: Record<string, unknown>; betas: string[] } | null>(null);
	readonly run = new RunState();
	/** Custom tools' input_schema text while it is being typed (it may not be JSON yet). */
	readonly toolSchemas = new ToolSchemaDrafts(() => this.#form.tools);
	readonly isSimulator: boolean;

	readonly jsonText = $derived(this.#draft ?? pretty(formToBody(this.#form)));
	readonly #analysis = $derived(analyzeRequest(this.jsonText));
	readonly breakpoints = $derived(countBreakpoints(this.#analysis.body ?? formToBody(this.#form)));

	constructor(options: { isSimulator?: boolean } = {}) {
		this.isSimulator = options.isSimulator ?? false;
	}

	get headers(): Record<string, string> {
		return requestHeaders(this.#betas, this.isSimulator ? this.#fault : '');
	}
	get form(): RequestForm {
		return this.#form;
	}
	get betas(): readonly string[] {
		return this.#betas;
	}
	get fault(): string {
		return this.#fault;
	}
	get notice(): string | null {
		return this.#notice;
	}
	get models(): readonly ModelInfo[] {
		return this.#models;
	}
	/** What the last Send sent, for Share: the editor may have moved on since. */
	get lastSent() {
		return this.#lastSent;
	}
	get diagnostics() {
		return this.#analysis.diagnostics;
	}
	/** The JSON does not parse, so the form shows the last version that did. */
	get isJsonBroken(): boolean {
		return this.#analysis.body === null;
	}
	/** The request body as it stands, or null while the JSON does not parse. */
	get body(): Record<string, unknown> | null {
		return this.#analysis.body;
	}
	/** Why Send is disabled, or null when it is not. */
	get blockedReason(): string | null {
		const [first] = this.#analysis.diagnostics;
		if (first) return describeDiagnostic(first);
		const pending = this.toolSchemas.problem;
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
	#change(change: (form: RequestForm) => void): void {
		change(this.#form);
		this.#draft = null;
		this.#notice = null;
	}

	// Intent-named edits of the request.
	setModel(model: string): void {
		this.#change((f) => (f.model = model));
	}
	setSystemText(index: number, text: string): void {
		this.#change((f) => edits.setSystemText(f, index, text));
	}
	addSystemBlock(): void {
		this.#change(edits.addSystemBlock);
	}
	removeSystemBlock(index: number): void {
		this.#change((f) => edits.removeSystemBlock(f, index));
	}
	addMessage(): void {
		this.#change(edits.addMessage);
	}
	removeMessage(index: number): void {
		this.#change((f) => f.messages.splice(index, 1));
	}
	moveMessage(from: number, to: number): void {
		this.#change((f) => edits.move(f.messages, from, to));
	}
	setRole(message: number, role: string): void {
		this.#change((f) => (f.messages[message].role = role));
	}
	addBlock(message: number, block: BlockForm): void {
		this.#change((f) => edits.addBlock(f, message, block));
	}
	/** An image read from a file or the clipboard joins the message as a base64 block. */
	attachImage(message: number, image: { mediaType: string; data: string }): void {
		this.addBlock(message, { kind: 'image', ...image, cache: null, extra: {} });
	}
	updateBlock(message: number, index: number, patch: Partial<BlockForm>): void {
		this.#change((f) => edits.patchBlock(f, message, index, patch));
	}
	removeBlock(message: number, index: number): void {
		this.#change((f) => f.messages[message].blocks.splice(index, 1));
	}
	setParam<K extends keyof ParamsForm>(key: K, value: ParamsForm[K]): void {
		this.#change((f) => (f.params[key] = value));
	}
	setUserId(userId: string): void {
		this.#change((f) => edits.setUserId(f.params, userId));
	}
	addTool(def: Record<string, unknown>): void {
		this.#change((f) => edits.addTool(f, def));
	}
	removeTool(index: number): void {
		this.toolSchemas.clear();
		this.#change((f) => edits.removeTool(f, index));
	}
	/** Merges fields into a tool definition (`replace` swaps the whole definition). */
	updateTool(index: number, patch: Record<string, unknown>, replace = false): void {
		this.#change((f) => edits.patchTool(f, index, patch, replace));
	}
	/** A custom tool's schema as typed: it reaches the request once it is a valid object schema. */
	setToolSchemaText(index: number, text: string): void {
		const schema = this.toolSchemas.type(index, text);
		if (schema) this.updateTool(index, { input_schema: schema });
	}

	/** Turns a cache breakpoint on or off; a fifth one is refused with a notice. */
	setCache(target: edits.CacheTarget, on: boolean): void {
		if (on && this.breakpoints >= MAX_BREAKPOINTS) {
			this.#notice = `At most ${MAX_BREAKPOINTS} cache breakpoints per request; remove one first.`;
			return;
		}
		this.#change((f) => edits.setCache(f, target, on ? { type: 'ephemeral' } : null));
	}

	/** Multi-turn: the assistant's reply joins the conversation, followed by an empty user turn. */
	appendReply(message: { content: ContentBlock[] }): void {
		this.#change((f) => edits.appendReply(f, message.content));
	}

	// Tool-use edits (the tool loop and the tools editor).
	appendTurns(turns: readonly Turn[]): void {
		this.#change((f) => tools.appendTurns(f, turns));
	}
	applyExample(example: ToolExample): void {
		this.#change((f) => tools.applyExample(f, example));
	}
	setToolChoice(choice: ToolChoice | undefined): void {
		this.#change((f) => tools.setToolChoice(f, choice));
	}
	/** Adds or removes a beta tool (or updates its display); true while any beta tool is left. */
	setBetaTool(type: BetaToolType, on: boolean, display: Display): boolean {
		this.#change((f) => tools.setBetaTool(f, type, on, display));
		return tools.hasBetaTools(this.#form);
	}

	toggleBeta(flag: string, on: boolean): void {
		this.#betas = on ? [...new Set([...this.#betas, flag])] : this.#betas.filter((b) => b !== flag);
	}
	setFault(fault: string): void {
		this.#fault = fault;
	}

	/** The JSON face was edited: keep the text, and update the form when it parses. */
	setJson(text: string): void {
		this.#draft = text;
		this.#notice = null;
		let value: unknown;
		try {
			value = JSON.parse(text);
		} catch {
			return;
		}
		if (typeof value === 'object' && value !== null && !Array.isArray(value)) this.#form = bodyToForm(value as Record<string, unknown>);
	}

	loadRequest(body: Record<string, unknown>, betas?: readonly string[]): void {
		this.#form = bodyToForm(body);
		this.#draft = null;
		if (betas) this.#betas = [...betas];
	}

	snapshot(): PlaygroundSnapshot {
		return { json: this.jsonText, betas: [...this.#betas], fault: this.#fault };
	}

	restore(s: PlaygroundSnapshot): void {
		this.setJson(s.json);
		this.#betas = s.betas;
		this.#fault = s.fault;
	}

	async loadModels(): Promise<void> {
		try {
			this.#models = (await models.list({ limit: 100 })).data;
		} catch {
			// The picker then shows just the request's own model.
		}
	}

	/** Resolves when the run has ended (the tool loop waits for it). */
	async send(): Promise<void> {
		const body = this.#analysis.body;
		if (!this.canSend || !body) return;
		const betas = [...this.#betas];
		this.#lastSent = { body, betas };
		await this.run.send(body, this.headers);
		await this.#remember(body, betas);
	}

	/** Every run that got an answer or an error goes into the browser's local history. */
	async #remember(body: Record<string, unknown>, betas: string[]): Promise<void> {
		if (this.run.status === 'stopped' || this.run.status === 'idle') return;
		try {
			const { recordRun } = await import('$lib/client/history');
			await recordRun({ request: body, betas, message: this.run.message, text: this.run.text, error: this.run.error });
		} catch {
			// History is a convenience: a full or blocked IndexedDB must not break the run.
		}
	}
}
