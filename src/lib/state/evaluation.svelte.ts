import * as api from '$lib/api';
import { DEFAULT_MODEL } from '$lib/catalog';
import { DEFAULT_RUBRIC } from '$lib/evaluate/grading';
import { cellIndex, cellKey, gridCells, gridVariables } from '$lib/evaluate/grid';
import { versionTotals, type VersionTotals } from '$lib/evaluate/totals';
import {
	MAX_VERSIONS,
	type EvalCase,
	type EvalCell,
	type EvalRun,
	type EvalVersion,
	type Evaluation,
	type EvaluationInput
} from '$lib/schemas/evaluation';
import type { PromptSummary } from '$lib/schemas';
import {
	lastUserText,
	withEffort,
	withLastUserText,
	withSystem,
	systemText
} from '$lib/evaluate/template-edit';
import {
	parseEffort,
	parseThinking,
	thinkingParam,
	type Effort,
	type ThinkingSettings
} from '$lib/request/options';

let counter = 0;
/** Ids for versions, cases and runs: unique within one evaluation, short enough for the URL. */
export function localId(prefix: string): string {
	return `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;
}

export function starterTemplate(): Record<string, unknown> {
	return {
		model: DEFAULT_MODEL,
		max_tokens: 1024,
		messages: [
			{
				role: 'user',
				content: 'What should a visitor to {{city}} see first? Answer in two sentences.'
			}
		]
	};
}

/**
 * The evaluation being edited: prompt versions, test cases, rubric and runs, with intent-named
 * edits. Running and grading live in EvaluationRunner, which writes into `runs`.
 */
export class EvaluationState {
	id = $state<string | null>(null);
	name = $state('Untitled evaluation');
	versions = $state<EvalVersion[]>([]);
	/**
	 * Plain objects replaced on edit, never proxied: a run reads every case to fill its requests,
	 * and reading 200 cases through state proxies took a frame of its own.
	 */
	cases = $state.raw<readonly EvalCase[]>([]);
	rubric = $state(DEFAULT_RUBRIC);
	runs = $state<EvalRun[]>([]);
	/** The version whose template the editor shows. */
	selectedVersion = $state(0);
	/** The run the grid shows; null means the newest. */
	shownRunId = $state<string | null>(null);
	/** A shared snapshot: nothing can be edited, run or saved. */
	readonly: boolean;
	saveStatus = $state<'saved' | 'unsaved' | 'saving' | 'error'>('unsaved');
	message = $state<string | null>(null);

	readonly variables = $derived(gridVariables(this.versions));
	readonly shownRun = $derived(
		this.runs.find((r) => r.id === this.shownRunId) ?? this.runs.at(-1) ?? null
	);
	readonly #cells = $derived(cellIndex(this.shownRun?.cells ?? []));

	readonly #onSaved?: (id: string) => void;

	constructor(
		opts: { evaluation?: Evaluation; readonly?: boolean; onSaved?: (id: string) => void } = {}
	) {
		this.readonly = opts.readonly ?? false;
		this.#onSaved = opts.onSaved;
		if (opts.evaluation) this.#adopt(opts.evaluation);
		else {
			this.versions = [{ id: localId('v'), label: 'Version A', template: starterTemplate() }];
			this.cases = ['Paris', 'Kyoto', 'Lima'].map((city) => ({ id: localId('c'), vars: { city } }));
		}
	}

	#adopt(e: Evaluation) {
		this.id = e.id;
		this.name = e.name;
		this.versions = e.versions;
		this.cases = e.cases;
		this.rubric = e.rubric;
		this.runs = e.runs;
		this.selectedVersion = 0;
		this.shownRunId = null;
		this.saveStatus = 'saved';
	}

	cell(versionId: string, caseId: string): EvalCell | undefined {
		return this.#cells.get(cellKey(versionId, caseId));
	}

	totals(versionId: string): VersionTotals {
		return versionTotals((this.shownRun?.cells ?? []).filter((c) => c.versionId === versionId));
	}

	#changed() {
		this.saveStatus = 'unsaved';
	}

	rename(name: string) {
		this.name = name;
		this.#changed();
	}

	setRubric(text: string) {
		this.rubric = text;
		this.#changed();
	}

	// Test cases

	addCase(vars: Record<string, string> = {}, ideal?: string) {
		this.addCases([ideal ? { vars, ideal } : { vars }]);
	}

	addCases(list: readonly Omit<EvalCase, 'id'>[]) {
		if (!list.length) return;
		this.cases = [...this.cases, ...list.map((c) => ({ ...c, id: localId('c') }))];
		this.#changed();
	}

	removeCase(index: number) {
		this.cases = this.cases.toSpliced(index, 1);
		this.#changed();
	}

	#editCase(index: number, edit: (c: EvalCase) => EvalCase) {
		this.cases = this.cases.with(index, edit(this.cases[index]));
		this.#changed();
	}

	setValue(caseIndex: number, variable: string, value: string) {
		this.#editCase(caseIndex, (c) => ({ ...c, vars: { ...c.vars, [variable]: value } }));
	}

	setIdeal(caseIndex: number, text: string) {
		this.#editCase(caseIndex, ({ ideal: _old, ...c }) => (text ? { ...c, ideal: text } : c));
	}

	// Versions

	get version(): EvalVersion {
		return this.versions[Math.min(this.selectedVersion, this.versions.length - 1)];
	}

	selectVersion(index: number) {
		this.selectedVersion = index;
	}

	/** A new version starts as a copy of the one shown, so the person changes one thing. */
	addVersion() {
		if (this.versions.length >= MAX_VERSIONS) return;
		const base = $state.snapshot(this.version);
		const label = `Version ${String.fromCharCode(65 + this.versions.length)}`;
		this.versions.push({ ...base, id: localId('v'), label });
		this.selectedVersion = this.versions.length - 1;
		this.#changed();
	}

	removeVersion(index: number) {
		if (this.versions.length <= 1) return;
		this.versions.splice(index, 1);
		this.selectedVersion = Math.min(this.selectedVersion, this.versions.length - 1);
		this.#changed();
	}

	#editTemplate(edit: (t: Record<string, unknown>) => Record<string, unknown>) {
		const v = this.version;
		v.template = edit($state.snapshot(v.template) as Record<string, unknown>);
		this.#changed();
	}

	get promptText(): string {
		return lastUserText(this.version.template);
	}
	setPromptText(text: string) {
		this.#editTemplate((t) => withLastUserText(t, text));
	}
	get systemPrompt(): string {
		return systemText(this.version.template);
	}
	setSystemPrompt(text: string) {
		this.#editTemplate((t) => withSystem(t, text));
	}
	setParam(key: string, value: unknown) {
		this.#editTemplate((t) => {
			const next = { ...t };
			if (value === undefined || value === '') delete next[key];
			else next[key] = value;
			return next;
		});
	}
	get thinking(): ThinkingSettings {
		const { thinking, max_tokens: maxTokens } = this.version.template;
		return parseThinking(thinking, typeof maxTokens === 'number' ? maxTokens : undefined);
	}
	updateThinking(change: Partial<ThinkingSettings>) {
		this.setParam('thinking', thinkingParam({ ...this.thinking, ...change }));
	}
	get effort(): Effort {
		return parseEffort(this.version.template.output_config);
	}
	setEffort(effort: Effort) {
		this.#editTemplate((t) => withEffort(t, effort === 'unset' ? undefined : effort));
	}
	/** The shown version's tools instead of its template's: none, a list, or (undefined) the template's. */
	setTools(tools: EvalVersion['tools']) {
		this.version.tools = tools;
		this.#changed();
	}
	setLabel(text: string) {
		this.version.label = text;
		this.#changed();
	}
	setApiVersion(version: string | undefined) {
		this.version.apiVersion = version || undefined;
		this.#changed();
	}

	/** The team's saved prompts, for "start from a saved prompt"; loaded when first asked for. */
	savedPrompts = $state.raw<PromptSummary[] | null>(null);

	async loadSavedPrompts() {
		try {
			this.savedPrompts = await api.prompts.listPrompts();
		} catch (e) {
			this.message = `Saved prompts could not be listed: ${api.toUserMessage(e)}`;
		}
	}

	/** The shown version takes the newest version of a saved prompt, with its API version. */
	async useSavedPrompt(id: string) {
		try {
			const [newest] = (await api.prompts.getPrompt(id)).versions;
			if (!newest) return;
			this.useRequest(newest.document.request);
			this.setApiVersion(newest.document.apiVersion);
			if (this.version.label.startsWith('Version ')) this.setLabel(newest.name);
		} catch (e) {
			this.message = `The saved prompt could not be opened: ${api.toUserMessage(e)}`;
		}
	}

	/** Replaces the shown version's template with a whole request (the playground's, or a saved prompt). */
	useRequest(body: Record<string, unknown>) {
		const { stream: _stream, ...template } = body;
		this.version.template = template;
		// The new request's tools are the ones to keep.
		this.version.tools = undefined;
		this.#changed();
	}

	// Runs

	showRun(id: string | null) {
		this.shownRunId = id;
	}

	/**
	 * Adds a run over the current versions and cases (earlier runs stay for comparison). With
	 * `cells: 'later'` its cells are the caller's to add (see `gridCells`).
	 */
	startRun(mode: EvalRun['mode'], opts: { cells?: 'now' | 'later' } = {}): EvalRun {
		const versions = $state.snapshot(this.versions) as EvalVersion[];
		const run: EvalRun = {
			id: localId('r'),
			startedAt: new Date().toISOString(),
			mode,
			versions,
			cells: opts.cells === 'later' ? [] : gridCells(versions, this.cases)
		};
		this.runs.push(run);
		this.shownRunId = null;
		this.#changed();
		// The proxied copy, so the runner's writes are seen.
		return this.runs[this.runs.length - 1];
	}

	gradeByHand(cell: EvalCell, score: number | null, comment?: string) {
		cell.grade =
			score === null ? undefined : { score, by: 'person', ...(comment ? { comment } : {}) };
		this.#changed();
	}

	setComment(cell: EvalCell, comment: string) {
		if (cell.grade) cell.grade.comment = comment || undefined;
		this.#changed();
	}

	// Saving

	/**
	 * A plain copy of what is saved, through JSON (what the request sends anyway): `$state.snapshot`
	 * calls structuredClone on every string and number, and a run of 400 answered cells made that
	 * a 60 ms task.
	 */
	toInput(): EvaluationInput {
		return JSON.parse(
			JSON.stringify({
				name: this.name,
				versions: this.versions,
				cases: this.cases,
				rubric: this.rubric,
				runs: this.runs
			})
		) as EvaluationInput;
	}

	/** Saves to the team store (creating it on first save); the URL can then name it. */
	async save(): Promise<boolean> {
		if (this.readonly) return false;
		this.saveStatus = 'saving';
		try {
			const saved = this.id
				? await api.evaluations.update(this.id, this.toInput())
				: await api.evaluations.create(this.toInput());
			this.id = saved.id;
			this.saveStatus = 'saved';
			this.#onSaved?.(saved.id);
			return true;
		} catch (e) {
			this.saveStatus = 'error';
			this.message = `Not saved: ${api.toUserMessage(e)}`;
			return false;
		}
	}

	async share(): Promise<string | null> {
		if (!(await this.save()) || !this.id) return null;
		try {
			return (await api.evaluations.share(this.id)).url;
		} catch (e) {
			this.message = `Not shared: ${api.toUserMessage(e)}`;
			return null;
		}
	}
}
