import * as api from '$lib/api';
import { LineSplitter } from '$lib/batches/lines';
import { DEFAULT_MODEL } from '$lib/catalog';
import { afterNextFrame } from '$lib/client/next-task';
import {
	batchApiVersion,
	cellFromResultLine,
	gridBatchRequests,
	type GridBatchRequest
} from '$lib/evaluate/batch';
import { generateCasesRequest, parseGeneratedCases } from '$lib/evaluate/generate';
import { graderRequest, parseGraderAnswer } from '$lib/evaluate/grading';
import { cellKey, gridCells, gridRequests, promptText, type CellRequest } from '$lib/evaluate/grid';
import { messageText, runCell, runPool } from '$lib/evaluate/run-cell';
import { BatchResultLineSchema, type MessageBatch } from '$lib/schemas';
import type { EvalCase, EvalCell, EvalRun, EvalVersion } from '$lib/schemas/evaluation';
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
	/** Cells whose text grew since the last frame, with how to read it. */
	#pendingText = new Map<EvalCell, () => string>();
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

	/**
	 * Each cell's request, built from plain copies: filling hundreds of templates through the
	 * state's proxies took a 100 ms frame on "Run all".
	 */
	#requests(versions: EvalVersion[]) {
		return gridRequests($state.snapshot(versions) as EvalVersion[], this.evaluation.cases);
	}

	async runAll() {
		if (this.isBusy) return;
		const requests = this.#requests(this.evaluation.versions);
		// Nothing is sent when a case lacks a variable; the message names the case and variable.
		for (const request of requests.values())
			if (request instanceof Error) return void (this.evaluation.message = request.message);
		const run = this.evaluation.startRun('live', { cells: 'later' });
		await this.#runLive(
			run,
			addInFrames(run, gridCells(run.versions, this.evaluation.cases)),
			requests
		);
	}

	async retry(cells: EvalCell[]) {
		const run = this.evaluation.shownRun;
		if (this.isBusy || !run || run.mode !== 'live') return;
		for (const cell of cells)
			Object.assign(cell, { status: 'pending', text: '', error: undefined });
		const landed = cells.map((cell) => Promise.resolve(cell));
		await this.#runLive(run, landed, this.#requests(run.versions));
	}

	/** Runs the cells (some may still be on their way into the grid) under the cap, in order. */
	async #runLive(
		run: EvalRun,
		landing: readonly Promise<EvalCell>[],
		requests: ReturnType<typeof gridRequests>
	) {
		const signal = this.#begin('live');
		this.#concurrency = MAX_CONCURRENT;
		const attempt = async (cell: EvalCell, tries: number): Promise<void> => {
			const request = requests.get(cellKey(cell.versionId, cell.caseId));
			if (!request)
				return void Object.assign(cell, {
					status: 'error',
					error: 'This case or version was removed'
				});
			if (request instanceof Error)
				return void Object.assign(cell, { status: 'error', error: request.message });
			cell.status = 'running';
			const { rateLimitedFor, ...result } = await runCell(request, signal, (readText) =>
				this.#showText(cell, readText)
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
			landing.map((cell) => async () => attempt(await cell, 1)),
			this.#concurrency,
			signal
		);
		for (const cell of await Promise.all(landing))
			if (cell.status === 'pending' || cell.status === 'running') cell.status = 'stopped';
		this.#end();
		// The page redraws the finished run first; copying a big run for the save is a task of its
		// own, after that frame.
		await new Promise<void>((resolve) => afterNextFrame(resolve));
		await this.evaluation.save();
	}

	#showText(cell: EvalCell, readText: () => string) {
		this.#pendingText.set(cell, readText);
		if (this.#flushScheduled) return;
		this.#flushScheduled = true;
		const flush = () => {
			this.#flushScheduled = false;
			for (const [c, read] of this.#pendingText) if (c.status === 'running') c.text = read();
			this.#pendingText.clear();
		};
		if (typeof requestAnimationFrame === 'function') requestAnimationFrame(flush);
		else setTimeout(flush, 16);
	}

	/** Sends the whole grid as one batch (half price); results land in the cells when it ends. */
	async runAsBatch() {
		if (this.isBusy) return;
		let apiVersion: string | undefined;
		let requests: GridBatchRequest[];
		try {
			const versions = $state.snapshot(this.evaluation.versions) as EvalVersion[];
			apiVersion = batchApiVersion(versions);
			requests = gridBatchRequests(versions, this.evaluation.cases);
		} catch (e) {
			// A case lacking a variable, or versions asking for different API versions.
			this.evaluation.message = (e as Error).message;
			return;
		}
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
		const requests = this.#requests(run.versions);
		const cases = new Map(
			this.evaluation.cases.map((c, i) => [c.id, { testCase: c, number: i + 1 }])
		);
		const cells = run.cells.filter((c) => c.status === 'done' && !c.modelGrade);
		const grade = async (cell: EvalCell) => {
			const request = requests.get(cellKey(cell.versionId, cell.caseId));
			const found = cases.get(cell.caseId);
			if (request && !(request instanceof Error) && found)
				await this.#grade(cell, { ...found, request, model }, signal);
		};
		await runPool(
			cells.map((cell) => () => grade(cell)),
			MAX_CONCURRENT,
			signal
		);
		this.#end();
		await this.evaluation.save();
	}

	async #grade(
		cell: EvalCell,
		on: { testCase: EvalCase; number: number; request: CellRequest; model: string },
		signal: AbortSignal
	) {
		try {
			const body = graderRequest({
				rubric: this.evaluation.rubric,
				task: promptText(on.request.body),
				answer: cell.text,
				ideal: on.testCase.ideal,
				model: on.model
			});
			const answer = parseGraderAnswer(messageText(await api.messages.create(body, { signal })));
			cell.modelGrade = { score: answer.score, reasoning: answer.reasoning, by: 'model' };
		} catch (e) {
			if (!signal.aborted)
				this.evaluation.message = `Grading case ${on.number}: ${api.toUserMessage(e)}`;
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

/** Cells put into the grid at a time: all 400 of a big grid at once made a 100 ms frame. */
const CELLS_PER_FRAME = 25;

const nextFrame = () =>
	new Promise<void>((resolve) =>
		typeof requestAnimationFrame === 'function'
			? requestAnimationFrame(() => resolve())
			: setTimeout(resolve, 16)
	);

/**
 * Puts a run's cells into it a frame's worth at a time, from the frame after the click (the
 * click's own task already builds every request and the new run). Each promise
 * gives one cell as the run holds it (the state's proxy, so writes to it show in the grid).
 */
function addInFrames(run: EvalRun, cells: readonly EvalCell[]): Promise<EvalCell>[] {
	const landing: Promise<EvalCell>[] = [];
	let landed: Promise<unknown> = Promise.resolve();
	for (let i = 0; i < cells.length; i += CELLS_PER_FRAME) {
		const slice = cells.slice(i, i + CELLS_PER_FRAME);
		const chunk = landed.then(async () => {
			await nextFrame();
			const start = run.cells.length;
			// One write, not a push per cell: each write tells every cell of the grid to look again.
			run.cells = [...run.cells, ...slice];
			return run.cells.slice(start);
		});
		landing.push(...slice.map((_, j) => chunk.then((held) => held[j])));
		landed = chunk;
	}
	return landing;
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return null;
	}
}
