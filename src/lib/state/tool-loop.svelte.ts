import {
	browserToolOf,
	computerInput,
	isComputerCall,
	runBrowserTool,
	type ClientToolType
} from '$lib/tools/client-tools';
import { latestScreenshot, replayActions } from '$lib/tools/computer';
import type { ToolExample } from '$lib/tools/examples';
import { mockAnswer, type MockResponder } from '$lib/tools/mocks';
import { answerTurns, toolCalls, type ToolAnswer, type ToolCall } from '$lib/tools/pairing';
import { toolChoice, type ChoiceMode, type Display } from '$lib/tools/tool-defs';
import { buildTranscript, type ResultSource, type StepRecord } from '$lib/tools/transcript';
import { VirtualFs } from '$lib/tools/vfs';
import type { PlaygroundState } from './playground.svelte';

export const DEFAULT_STEP_CAP = 10;

export interface AnswerDraft extends ToolAnswer {
	source: ResultSource;
}

/**
 * A tool-use run on top of the playground: the calls the last response made, the answers
 * being written for them (typed, mocked, or from the in-browser editor tool), Continue
 * (send the next turn), Auto-run with mocks up to a step cap, and the run's transcript.
 * Steps are recorded when they are answered; a run the user started some other way (Send)
 * makes the recorded steps stale, and the next Continue starts a new transcript.
 */
export class ToolLoopState {
	readonly #playground: PlaygroundState;
	mocks = $state<Record<string, MockResponder>>({});
	stepCap = $state(DEFAULT_STEP_CAP);
	display = $state<Display>({ width: 1024, height: 768, number: 1 });
	notice = $state<string | null>(null);
	#drafts = $state<Record<string, AnswerDraft>>({});
	#steps = $state.raw<StepRecord[]>([]);
	/** Id of the response the loop itself last received; any other response is a fresh start. */
	#loopMessageId = $state<string | null>(null);
	#isSending = $state(false);
	#isAuto = $state(false);
	#stopRequested = false;
	readonly #vfs = new VirtualFs();
	#files = $state.raw<Record<string, string>>({});

	readonly #beforeExample: (label: string) => void;

	/** `beforeExample` keeps the draft for Undo before an example replaces a non-empty tools list. */
	constructor(
		playground: PlaygroundState,
		options: { beforeExample?: (label: string) => void } = {}
	) {
		this.#playground = playground;
		this.#beforeExample = options.beforeExample ?? (() => {});
	}

	get #run() {
		return this.#playground.run;
	}

	/** The response whose tool calls wait for answers. */
	readonly pending = $derived.by(() => {
		const m = this.#run.message;
		return this.#run.status === 'done' &&
			m &&
			m.stop_reason === 'tool_use' &&
			toolCalls(m.content).length > 0
			? m
			: null;
	});
	readonly calls = $derived(this.pending ? toolCalls(this.pending.content) : []);
	readonly #isStale = $derived(
		!this.#isSending && this.#steps.length > 0 && this.#run.message?.id !== this.#loopMessageId
	);
	readonly steps = $derived(this.#isStale ? [] : this.#steps);
	readonly transcript = $derived(
		buildTranscript(
			this.steps,
			this.#run.status === 'done' ? this.#run.message : null,
			this.#run.error ?? undefined
		)
	);

	/** Every computer action of this run so far (2024 tool or 2026 toolset), replayed onto the display. */
	readonly computerActions = $derived(
		replayActions(
			this.transcript.steps
				.flatMap((s) => s.calls)
				.filter((c) => isComputerCall(c.name))
				.map((c) => computerInput(c.name, c.input)),
			this.display.width,
			this.display.height
		)
	);
	/** The last screenshot sent back (or attached, waiting) for a computer call: the screen's background. */
	readonly screenshot = $derived(
		latestScreenshot(
			this.transcript.steps,
			this.calls.filter((c) => isComputerCall(c.name)).map((c) => this.answerFor(c)?.image)
		)
	);

	get files() {
		return this.#files;
	}
	get isAuto() {
		return this.#isAuto;
	}
	get isBusy() {
		return this.#isSending || this.#run.isRunning;
	}
	/** Something to show: calls waiting, or a run in progress or recorded. */
	get isActive() {
		return this.calls.length > 0 || this.steps.length > 0 || this.#isAuto;
	}

	/** The answer a call would get now: what was written for it, else its tool's mock. */
	answerFor(call: ToolCall): AnswerDraft | null {
		const draft = this.#drafts[call.id];
		if (draft) return draft;
		// The computer toolset's members share one mock, set under "computer".
		const mock =
			this.mocks[call.name] ?? (isComputerCall(call.name) ? this.mocks.computer : undefined);
		const answer = mock ? mockAnswer(mock, call) : null;
		return answer && { ...answer, source: 'mock' };
	}

	setAnswer(call: ToolCall, change: Partial<ToolAnswer>): void {
		const current: ToolAnswer = this.answerFor(call) ?? { text: '', isError: false };
		this.#drafts[call.id] = {
			text: current.text,
			isError: current.isError,
			image: current.image,
			...change,
			source: 'manual'
		};
		this.notice = null;
	}

	/** Runs a text editor call against the virtual file system, once; its output becomes the answer. */
	runEditorCall(call: ToolCall): AnswerDraft {
		const done = this.#drafts[call.id];
		if (done?.source === 'editor') return done;
		const tool = browserToolOf(call.name);
		if (!tool)
			return { text: `${call.name} does not run in the browser`, isError: true, source: 'editor' };
		const r = runBrowserTool(this.#vfs, tool, call.input);
		this.#files = this.#vfs.files();
		const draft: AnswerDraft = r.ok
			? { text: r.output, isError: false, source: 'editor' }
			: { text: r.error, isError: true, source: 'editor' };
		this.#drafts[call.id] = draft;
		return draft;
	}

	setMock(toolName: string, mock: MockResponder): void {
		this.mocks[toolName] = mock;
	}

	/** Every waiting call can be answered without a person (mock or editor tool). */
	get canAutoAnswer(): boolean {
		return this.calls.every((c) => browserToolOf(c.name) !== null || this.answerFor(c) !== null);
	}

	/** Sends the assistant turn and the tool results as the next request; false when it could not. */
	async continue(): Promise<boolean> {
		const message = this.pending;
		if (!message || this.isBusy) return false;
		const answers: Record<string, AnswerDraft> = {};
		for (const call of this.calls) {
			const runsHere = browserToolOf(call.name) !== null && !this.#drafts[call.id];
			const answer = runsHere ? this.runEditorCall(call) : this.answerFor(call);
			if (answer) answers[call.id] = answer;
		}
		const outcome = answerTurns(message.content, answers);
		if (!outcome.ok) {
			const calls = outcome.missing.map((c) => `${c.name} (${c.id})`).join(', ');
			this.notice = `Answer every call before continuing: ${calls} has no result.`;
			return false;
		}
		const sources = Object.fromEntries(Object.entries(answers).map(([id, a]) => [id, a.source]));
		this.#steps = [
			...this.steps,
			{ response: message, results: outcome.turns[1].content as StepRecord['results'], sources }
		];
		this.notice = null;
		this.#playground.appendTurns(outcome.turns);
		this.#isSending = true;
		try {
			await this.#playground.send();
		} finally {
			this.#loopMessageId = this.#run.message?.id ?? null;
			this.#isSending = false;
		}
		return true;
	}

	/** Continues with mocks until the model stops calling tools, a call has no mock, Stop, or the cap. */
	async autoRun(): Promise<void> {
		if (this.#isAuto) return;
		this.#isAuto = true;
		this.#stopRequested = false;
		this.notice = null;
		let sent = 0;
		try {
			while (!this.#stopRequested && this.pending) {
				if (sent >= this.stepCap) {
					this.notice = `Auto-run stopped at the step cap (${this.stepCap} steps).`;
					break;
				}
				if (!this.canAutoAnswer) {
					this.notice = 'Auto-run paused: a call has no mock. Answer it by hand, then Continue.';
					break;
				}
				if (!(await this.continue())) break;
				sent++;
			}
		} finally {
			this.#isAuto = false;
		}
	}

	stop(): void {
		this.#stopRequested = true;
		this.#run.stop();
	}

	applyExample(example: ToolExample): void {
		if (this.#playground.form.tools?.length) this.#beforeExample(`The ${example.label} example`);
		this.#playground.applyExample(example);
		for (const [name, mock] of Object.entries(example.mocks))
			this.mocks[name] = structuredClone(mock);
	}

	setToolChoice(mode: ChoiceMode, name: string, disableParallel: boolean): void {
		this.#playground.setToolChoice(toolChoice(mode, name, disableParallel));
	}

	/** Turns a current client tool (text editor, bash, memory, computer toolset) on or off. */
	setClientTool(type: ClientToolType, on: boolean): void {
		this.#playground.setClientTool(type, on);
	}

	resetFiles(): void {
		this.#vfs.clear();
		this.#files = this.#vfs.files();
	}
}
