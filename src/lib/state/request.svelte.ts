import { analyzeRequest, describeDiagnostic } from '$lib/request/lint';
import { countBreakpoints, MAX_BREAKPOINTS } from '$lib/request/breakpoints';
import {
	bodyToForm,
	defaultForm,
	formToBody,
	type BlockForm,
	type ParamsForm,
	type RequestForm,
	type ToolForm
} from '$lib/request/form';
import * as edits from '$lib/request/form-edits';
import { requestHeaders } from '$lib/request/headers';
import * as options from '$lib/request/options';
import { checkOutputSchemaText, OUTPUT_SCHEMA_EXAMPLES } from '$lib/request/output-examples';
import {
	DEFAULT_API_VERSION,
	isApiVersion,
	LEGACY_API_VERSION,
	SAMPLING_PARAMS,
	type ApiVersion
} from '$lib/request/versions';
import type { ContentBlock, ToolChoice } from '$lib/schemas';
import type { ToolExample } from '$lib/tools/examples';
import * as tools from '$lib/tools/form-tools';
import type { Turn } from '$lib/tools/pairing';
import type { ClientToolType } from '$lib/tools/client-tools';
import * as serverTools from '$lib/tools/server-tools';
import type { ServerToolName } from '$lib/tools/server-tools';
import { checkSchemaText } from '$lib/tools/tool-defs';
import { SchemaDrafts } from './schema-drafts.svelte';

export type { CacheTarget } from '$lib/request/form-edits';

/** What survives a reload (see `$lib/client/draft-storage`). */
export interface RequestSnapshot {
	json: string;
	betas: string[];
	fault: string;
	/** Absent in drafts saved before the version control existed. */
	apiVersion?: ApiVersion;
}

const pretty = (body: unknown) => JSON.stringify(body, null, 2);
const OUTPUT_SCHEMA = 'output_config.format.schema';
const toolSchemaPath = (index: number) => `tools.${index}.input_schema`;
const isCustom = (tool: ToolForm | undefined) =>
	!!tool && (tool.def.type === undefined || tool.def.type === 'custom');

/**
 * The request being edited, with its form and JSON faces and its headers. The form is the
 * model; the JSON text is derived from it, except while the user is typing JSON, when their
 * text (a draft) is kept verbatim and drives the form. Every change goes through an
 * intent-named method (components get this through `state/context.ts`).
 */
export class RequestState {
	#form = $state<RequestForm>(defaultForm());
	#draft = $state<string | null>(null);
	#betas = $state<string[]>([]);
	#fault = $state('');
	/** Sent as `anthropic-version`; decides which params the form offers and lint accepts. */
	#apiVersion = $state<ApiVersion>(DEFAULT_API_VERSION);
	/** A one-off message about a refused edit (e.g. a fifth cache breakpoint). */
	#notice = $state<string | null>(null);
	/** Schemas typed as text (tool input_schema, output format) while they may not be JSON yet. */
	readonly schemaDrafts = new SchemaDrafts((path) => this.#schemaAt(path));
	readonly isSimulator: boolean;

	readonly jsonText = $derived(this.#draft ?? pretty(formToBody(this.#form)));
	readonly #analysis = $derived(analyzeRequest(this.jsonText, this.#apiVersion));
	readonly breakpoints = $derived(countBreakpoints(this.#analysis.body ?? formToBody(this.#form)));

	constructor(options: { isSimulator?: boolean } = {}) {
		this.isSimulator = options.isSimulator ?? false;
	}

	get headers(): Record<string, string> {
		return requestHeaders(this.#betas, this.isSimulator ? this.#fault : '', this.#apiVersion);
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
	get apiVersion(): ApiVersion {
		return this.#apiVersion;
	}
	get notice(): string | null {
		return this.#notice;
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
	/** Why the request cannot be sent as it stands, or null. */
	get problem(): string | null {
		const [first] = this.#analysis.diagnostics;
		return first ? describeDiagnostic(first) : this.schemaDrafts.problem;
	}
	/** The body for count_tokens (prompt fields only), or null while the request is invalid. */
	get countBody(): Record<string, unknown> | null {
		const body = this.#analysis.body;
		if (!body || this.#analysis.diagnostics.length > 0) return null;
		const out: Record<string, unknown> = {};
		for (const k of ['model', 'system', 'messages', 'tools', 'tool_choice'])
			if (body[k] !== undefined) out[k] = body[k];
		return out;
	}

	/** Every form edit goes through here: it replaces any JSON draft with the form's body. */
	#change(change: (form: RequestForm) => void): void {
		change(this.#form);
		this.#draft = null;
		this.#notice = null;
	}

	#schemaAt(path: string): unknown {
		if (path === OUTPUT_SCHEMA) return options.readOutputSchema(this.#form) ?? undefined;
		const tool = this.#form.tools?.[Number(path.split('.')[1])];
		return isCustom(tool) ? (tool?.def.input_schema ?? {}) : undefined;
	}

	// Model, system prompt, params.
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
	setParam<K extends keyof ParamsForm>(key: K, value: ParamsForm[K]): void {
		this.#change((f) => (f.params[key] = value));
	}
	setUserId(userId: string): void {
		this.#change((f) => edits.setUserId(f.params, userId));
	}
	updateThinking(change: Partial<options.ThinkingSettings>): void {
		this.#change((f) => options.setThinking(f, { ...options.readThinking(f), ...change }));
	}
	setEffort(effort: options.Effort): void {
		this.#change((f) => options.setEffort(f, effort));
	}

	// Messages and their blocks.
	/** One empty user turn; the system prompt and tools stay when asked to. */
	newConversation(keepSystemAndTools: boolean): void {
		this.#change((f) => edits.newConversation(f, keepSystemAndTools));
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
	/** Multi-turn: the assistant's reply joins the conversation, followed by an empty user turn. */
	appendReply(message: { content: ContentBlock[] }): void {
		this.#change((f) => edits.appendReply(f, message.content));
	}
	/** Turns a cache breakpoint on or off; a fifth one is refused with a notice. */
	setCache(target: edits.CacheTarget, on: boolean): void {
		if (on && this.breakpoints >= MAX_BREAKPOINTS) {
			this.#notice = `At most ${MAX_BREAKPOINTS} cache breakpoints per request; remove one first.`;
			return;
		}
		this.#change((f) => edits.setCache(f, target, on ? { type: 'ephemeral' } : null));
	}

	// Tools and tool use.
	addTool(def: Record<string, unknown>): void {
		this.#change((f) => edits.addTool(f, def));
	}
	removeTool(index: number): void {
		this.schemaDrafts.clear();
		this.#change((f) => edits.removeTool(f, index));
	}
	/** Merges fields into a tool definition (`replace` swaps the whole definition). */
	updateTool(index: number, patch: Record<string, unknown>, replace = false): void {
		this.#change((f) => edits.patchTool(f, index, patch, replace));
	}
	/** A custom tool's input_schema as typed; it reaches the request once it is a valid object schema. */
	setToolSchemaText(index: number, text: string): void {
		const schema = this.schemaDrafts.type(toolSchemaPath(index), text, checkSchemaText);
		if (schema) this.updateTool(index, { input_schema: schema });
	}
	toolSchemaDraft(index: number) {
		return this.schemaDrafts.current(toolSchemaPath(index));
	}
	appendTurns(turns: readonly Turn[]): void {
		this.#change((f) => tools.appendTurns(f, turns));
	}
	applyExample(example: ToolExample): void {
		this.#change((f) => tools.applyExample(f, example));
	}
	setToolChoice(choice: ToolChoice | undefined): void {
		this.#change((f) => tools.setToolChoice(f, choice));
	}
	/** Adds or removes a current client tool (text editor, bash, memory, computer toolset). */
	setClientTool(type: ClientToolType, on: boolean): void {
		this.#change((f) => tools.setClientTool(f, type, on));
	}
	/** Adds or removes a server tool (at its current version; an older one in the request is replaced). */
	setServerTool(name: ServerToolName, on: boolean): void {
		this.#change((f) => serverTools.setServerTool(f, name, on));
	}
	setWebSearchOptions(change: Partial<serverTools.WebSearchOptions>): void {
		this.#change((f) => serverTools.updateWebSearch(f, change));
	}
	/** strict: true on every custom tool, or off. */
	setStrictTools(on: boolean): void {
		this.#change((f) => options.setStrictTools(f, on));
	}

	// Structured output.
	get outputSchemaDraft() {
		return this.schemaDrafts.current(OUTPUT_SCHEMA);
	}
	/** Turns structured output on (with the first example schema) or off. */
	setOutputFormat(on: boolean): void {
		this.schemaDrafts.clear(OUTPUT_SCHEMA);
		this.#change((f) =>
			options.setOutputSchema(f, on ? structuredClone(OUTPUT_SCHEMA_EXAMPLES[0].schema) : null)
		);
	}
	setOutputSchemaText(text: string): void {
		const schema = this.schemaDrafts.type(OUTPUT_SCHEMA, text, checkOutputSchemaText);
		if (schema) this.#change((f) => options.setOutputSchema(f, schema));
	}
	/** An example schema, with its prompt when the conversation is still empty. */
	useOutputExample(name: string): void {
		const example = OUTPUT_SCHEMA_EXAMPLES.find((e) => e.name === name);
		if (!example) return;
		this.schemaDrafts.clear(OUTPUT_SCHEMA);
		this.#change((f) => edits.useOutputExample(f, example));
	}

	// Headers.
	toggleBeta(flag: string, on: boolean): void {
		this.#betas = on ? [...new Set([...this.#betas, flag])] : this.#betas.filter((b) => b !== flag);
	}
	setFault(fault: string): void {
		this.#fault = fault;
	}
	/** Switching to the current version drops the sampling params it refuses. */
	setApiVersion(version: ApiVersion): void {
		this.#apiVersion = version;
		if (version === DEFAULT_API_VERSION) this.#change(options.dropSampling);
	}

	// The whole request.
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
		if (typeof value === 'object' && value !== null && !Array.isArray(value))
			this.#form = bodyToForm(value as Record<string, unknown>);
	}

	loadRequest(body: Record<string, unknown>, betas?: readonly string[], apiVersion?: string): void {
		this.#form = bodyToForm(body);
		this.#draft = null;
		if (betas) this.#betas = [...betas];
		if (isApiVersion(apiVersion)) this.#apiVersion = apiVersion;
		// A request saved without its version that uses sampling params was built for 2023-06-01.
		else if (SAMPLING_PARAMS.some((k) => k in body)) this.#apiVersion = LEGACY_API_VERSION;
	}

	snapshot(): RequestSnapshot {
		return {
			json: this.jsonText,
			betas: [...this.#betas],
			fault: this.#fault,
			apiVersion: this.#apiVersion
		};
	}

	restore(s: RequestSnapshot): void {
		this.setJson(s.json);
		this.#betas = s.betas;
		this.#fault = s.fault;
		if (isApiVersion(s.apiVersion)) this.#apiVersion = s.apiVersion;
	}
}
