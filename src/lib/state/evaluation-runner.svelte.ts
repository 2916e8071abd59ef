import * as api from '$lib/api';
import { LineSplitter } from '$lib/batches/lines';
import { DEFAULT_MODEL } from '$lib/catalog';
import { batchApiVersion, cellFromResultLine, gridBatchRequests } from '$lib/evaluate/batch';
import { generateCasesRequest, parseGeneratedCases } from '$lib/evaluate/generate';
import { graderRequest, parseGraderAnswer } from '$lib/evaluate/grading';
import { cellRequest, promptText } from '$lib/evaluate/grid';
import { messageText, runCell, runPool } from '$lib/evaluate/run-cell';
import { BatchResultLineSchema, type MessageBatch } from '$lib/schemas';
import type { EvalCell, EvalRun } from '$lib/schemas/evaluation';
import type { EvaluationState } from './evaluation.svelte';

/** Live cells at once, at most; halved whenever the server says the user is over a limit. */
const MAX_CONCURRENT = 4;
const MAX_ATTEMPTS = 3;
const BATCH_POLL_MS = 1000;

type Activity = 'live' | 'batch' | 'grading' | 'generating';

const sleep = (ms: number, signal: AbortSignal) =>
	new Promise<void>((resolve) => {
		const timer = setTimeout(resolve, ms);
		signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
	});

/**
 * Runs an evaluation's grid: live streams under a concurrency cap (with stop and retry), the
 * whole grid as one Message Batch (resumable from its id), model grading and case generation.
 * Streamed text reaches the grid at most once per animation frame.
 */
export class EvaluationRunner {
	activity = $state<Activity | null>(null);
	batch = $state.raw<MessageBatch | null>(null);
	#abort: AbortController | null = null;
	#concurrency = MAX_CONCURRENT;
	#pendingText = new Map<EvalCell, string>();
	#flushScheduled = false;

	constructor(private readonly evaluation: EvaluationState) {}

	get isBusy() {
		return this.activity !== null;
	}

	/** Stops live streams, or cancels the batch (requests already done keep their results). */
	stop() {
		if (this.activity === 'batch' && this.batch)
			void api.batches.cancel(this.batch.id).catch(() => {});
		else this.#abort?.abort();
	}

	#begin(activity: Activity): AbortSignal {
		this.#abort = new AbortController();
		this.activity = activity;
		this.evaluation.message = null;
		return this.#abort.signal;
	}

	#end() {
		this.#abort = null;
		this.activity = null;
	}

	/** Fails before anything is sent when a case lacks a variable, naming the case and variable. */
	#checkGrid(): boolean {
		try {
			gridBatchRequests(this.evaluation.versions, this.evaluation.cases);
			return true;
		} catch (e) {
			this.evaluation.message = (e as Error).message;
			return false;
		}
	}

	async runAll() {
		if (this.isBusy || !this.#checkGrid()) return;
		const run = this.evaluation.startRun('live');
		await this.#runLive(run, run.cells);
	}

	async retry(cells: EvalCell[]) {
		const run = this.evaluation.shownRun;
		if (this.isBusy || !run || run.mode !== 'live') return;
		await this.#runLive(run, cells);
	}

	async #runLive(run: EvalRun, cells: EvalCell[]) {
		const signal = this.#begin('live');
		this.#concurrency = MAX_CONCURRENT;
		for (const cell of cells)
			Object.assign(cell, { status: 'pending', text: '', error: undefined });
		const attempt = async (cell: EvalCell, tries: number): Promise<void> => {
			const version = run.versions.find((v) => v.id === cell.versionId);
			const caseIndex = this.evaluation.cases.findIndex((c) => c.id === cell.caseId);
			if (!version || caseIndex === -1)
				return void Object.assign(cell, {
					status: 'error',
					error: 'This case or version was removed'
				});
			let request;
			try {
				request = cellRequest(version, this.evaluation.cases[caseIndex], caseIndex + 1);
			} catch (e) {
				return void Object.assign(cell, { status: 'error', error: (e as Error).message });
			}
			cell.status = 'running';
			const { rateLimitedFor, ...result } = await runCell(request, signal, (text) =>
				this.#showText(cell, text)
			);
			this.#pendingText.delete(cell);
			if (rateLimitedFor !== undefined && tries < MAX_ATTEMPTS && !signal.aborted) {
				this.#concurrency = Math.max(1, this.#concurrency >> 1);
				cell.status = 'pending';
				await sleep(Math.min(rateLimitedFor, 30) * 1000, signal);
				return attempt(cell, tries + 1);
			}
			Object.assign(cell, { error: undefined, ...result });
		};
		await runPool(
			cells.map((cell) => () => attempt(cell, 1)),
			this.#concurrency,
			signal
		);
		for (const cell of cells)
			if (cell.status === 'pending' || cell.status === 'running') cell.status = 'stopped';
		this.#end();
		await this.evaluation.save();
	}

	#showText(cell: EvalCell, text: string) {
		this.#pendingText.set(cell, text);
		if (this.#flushScheduled) return;
		this.#flushScheduled = true;
		const flush = () => {
			this.#flushScheduled = false;
			for (const [c, t] of this.#pendingText) if (c.status === 'running') c.text = t;
			this.#pendingText.clear();
		};
		if (typeof requestAnimationFrame === 'function') requestAnimationFrame(flush);
		else setTimeout(flush, 16);
	}

	/** Sends the whole grid as one batch (half price); results land in the cells when it ends. */
	async runAsBatch() {
		if (this.isBusy || !this.#checkGrid()) return;
		let apiVersion: string | undefined;
		try {
			apiVersion = batchApiVersion(this.evaluation.versions);
		} catch (e) {
			this.evaluation.message = (e as Error).message;
			return;
		}
		const requests = gridBatchRequests(this.evaluation.versions, this.evaluation.cases);
		const signal = this.#begin('batch');
		const run = this.evaluation.startRun('batch');
		try {
			const headers = apiVersion ? { 'anthropic-version': apiVersion } : undefined;
			const batch = await api.batches.create(
				requests,
				{ label: `Evaluate: ${this.evaluation.name}` },
				{ headers, signal }
			);
			this.batch = batch;
			run.batchId = batch.id;
		} catch (e) {
			if (!signal.aborted)
				this.evaluation.message = `The batch could not be created: ${api.toUserMessage(e)}`;
			for (const cell of run.cells) Object.assign(cell, { status: 'error', error: 'not sent' });
			return this.#end();
		}
		for (const cell of run.cells) cell.status = 'running';
		// Saved now, so closing the page loses nothing: opening it again resumes from the batch id.
		await this.evaluation.save();
		await this.#watch(run, signal);
	}

	/** Picks up a batch run that was still in progress when the page was closed. */
	async resume() {
		const run = this.evaluation.runs.findLast((r) => r.mode === 'batch' && r.batchId);
		if (
			this.isBusy ||
			!run ||
			!run.cells.some((c) => c.status === 'running' || c.status === 'pending')
		)
			return;
		await this.#watch(run, this.#begin('batch'));
	}

	/** Watches the batch to its end; losing touch leaves the run resumable rather than failed. */
	async #watch(run: EvalRun, signal: AbortSignal) {
		try {
			await this.#watchBatch(run, signal);
		} catch (e) {
			if (!signal.aborted)
				this.evaluation.message =
					`Lost touch with batch ${run.batchId} (${api.toUserMessage(e)}). ` +
					'It keeps running: open this evaluation again to load its results.';
			this.#end();
		}
	}

	async #watchBatch(run: EvalRun, signal: AbortSignal) {
		const id = run.batchId!;
		for (;;) {
			const batch = await api.batches.retrieve(id, { signal });
			this.batch = batch;
			if (batch.processing_status === 'ended') break;
			await sleep(BATCH_POLL_MS, signal);
			if (signal.aborted) return this.#end();
		}
		await this.#loadBatchResults(run, id, signal);
		this.#end();
		await this.evaluation.save();
	}

	async #loadBatchResults(run: EvalRun, batchId: string, signal: AbortSignal) {
		const res = await api.batches.results(batchId, { signal });
		const byVersion = run.versions.map((v) => run.cells.filter((c) => c.versionId === v.id));
		const splitter = new LineSplitter((text) => {
			const parsed = BatchResultLineSchema.safeParse(safeJson(text));
			const landed = parsed.success ? cellFromResultLine(parsed.data) : null;
			const cell = landed && byVersion[landed.versionIndex]?.[landed.caseIndex];
			if (landed && cell) Object.assign(cell, { error: undefined, ...landed.result });
		});
		const reader = res.body!.getReader();
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			splitter.push(value);
		}
		splitter.end();
		for (const cell of run.cells)
			if (cell.status === 'running')
				Object.assign(cell, { status: 'error', error: 'no result in the batch' });
	}

	/** A model grades every answered cell of the shown run that has no model grade yet. */
	async gradeAll(model: string = DEFAULT_MODEL) {
		const run = this.evaluation.shownRun;
		if (this.isBusy || !run) return;
		const signal = this.#begin('grading');
		const cells = run.cells.filter((c) => c.status === 'done' && !c.modelGrade);
		await runPool(
			cells.map((cell) => () => this.#grade(run, cell, model, signal)),
			MAX_CONCURRENT,
			signal
		);
		this.#end();
		await this.evaluation.save();
	}

	async #grade(run: EvalRun, cell: EvalCell, model: string, signal: AbortSignal) {
		const version = run.versions.find((v) => v.id === cell.versionId);
		const caseIndex = this.evaluation.cases.findIndex((c) => c.id === cell.caseId);
		if (!version || caseIndex === -1) return;
		const testCase = this.evaluation.cases[caseIndex];
		try {
			const task = promptText(cellRequest(version, testCase, caseIndex + 1).body);
			const body = graderRequest({
				rubric: this.evaluation.rubric,
				task,
				answer: cell.text,
				ideal: testCase.ideal,
				model
			});
			const answer = parseGraderAnswer(messageText(await api.messages.create(body, { signal })));
			cell.modelGrade = { score: answer.score, reasoning: answer.reasoning, by: 'model' };
		} catch (e) {
			if (!signal.aborted)
				this.evaluation.message = `Grading case ${caseIndex + 1}: ${api.toUserMessage(e)}`;
		}
	}

	/** Asks a model for `count` more cases like the ones in the grid. */
	async generateCases(count: number, model: string = DEFAULT_MODEL) {
		if (this.isBusy) return;
		const variables = this.evaluation.variables;
		if (!variables.length) {
			this.evaluation.message = 'The template has no {{variables}} to write cases for';
			return;
		}
		const signal = this.#begin('generating');
		try {
			const body = generateCasesRequest(variables, this.evaluation.cases, count, model);
			const message = await api.messages.create(body, { signal });
			this.evaluation.addCases(parseGeneratedCases(messageText(message), variables));
		} catch (e) {
			if (!signal.aborted) this.evaluation.message = `No cases were added: ${api.toUserMessage(e)}`;
		}
		this.#end();
	}
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return null;
	}
}
