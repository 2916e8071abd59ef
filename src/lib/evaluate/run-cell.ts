import * as api from '$lib/api';
import { readSse } from '$lib/client/sse';
import { costOf } from '$lib/catalog';
import { MessageAccumulator } from '$lib/response/accumulator';
import type { Message } from '$lib/schemas';
import type { EvalCell } from '$lib/schemas/evaluation';
import type { CellRequest } from './grid';

/** What a finished cell records (the grid keeps its version, case and grades). */
export type CellResult = Pick<
	EvalCell,
	'status' | 'text' | 'model' | 'usage' | 'costUsd' | 'latencyMs' | 'error'
>;

export function messageText(message: Message | null): string {
	return (message?.content ?? [])
		.map((b) => (b.type === 'text' && typeof b.text === 'string' ? b.text : ''))
		.join('');
}

/** The cell's record of a finished (or cut-short) message: text, usage, cost, at list or batch price. */
export function resultOf(
	message: Message | null,
	opts: { batch?: boolean } = {}
): Omit<CellResult, 'status'> {
	const usage = message?.usage;
	const counts = usage && {
		input_tokens: usage.input_tokens ?? 0,
		output_tokens: usage.output_tokens ?? 0,
		cache_creation_input_tokens: usage.cache_creation_input_tokens ?? null,
		cache_read_input_tokens: usage.cache_read_input_tokens ?? null
	};
	const cost = message && counts ? costOf(message.model, usage, opts) : undefined;
	return { text: messageText(message), model: message?.model, usage: counts, costUsd: cost?.total };
}

/**
 * Streams one cell's request, saying when the text grew; `readText` builds it, so a caller that
 * shows it once a frame does not join the whole answer on every delta. Ends `done`, `error` (an HTTP or
 * stream error, or a stream cut short) or `stopped` (aborted through the signal).
 */
export async function runCell(
	request: CellRequest,
	signal: AbortSignal,
	onProgress: (readText: () => string) => void
): Promise<CellResult & { rateLimitedFor?: number }> {
	const startedAt = performance.now();
	const acc = new MessageAccumulator();
	const latency = () => performance.now() - startedAt;
	const readText = () => messageText(acc.snapshot());
	try {
		const res = await api.messages.stream(request.body, { headers: request.headers, signal });
		if (!res.body)
			return { status: 'error', text: '', error: 'The server sent no body', latencyMs: latency() };
		await readSse(res.body, startedAt, {
			onEvent: (e) => {
				acc.apply(e.event, e.data);
				if (e.event === 'content_block_delta') onProgress(readText);
			}
		});
	} catch (e) {
		const partial = resultOf(acc.snapshot());
		if (signal.aborted) return { ...partial, status: 'stopped', latencyMs: latency() };
		const failed = {
			...partial,
			status: 'error' as const,
			error: api.toUserMessage(e),
			latencyMs: latency()
		};
		// Over the user's rate or stream limit: the runner waits and tries the cell again.
		if (e instanceof api.ApiError && e.status === 429)
			return { ...failed, rateLimitedFor: e.retryAfter ?? 1 };
		return failed;
	}
	const result = { ...resultOf(acc.snapshot()), latencyMs: latency() };
	if (acc.error)
		return { ...result, status: 'error', error: `${acc.error.type}: ${acc.error.message}` };
	if (!acc.isComplete)
		return { ...result, status: 'error', error: 'The stream ended before message_stop' };
	return { ...result, status: 'done' };
}

/**
 * Runs tasks with at most `limit` at once, in order of the list; stops starting new ones once
 * the signal aborts (the running ones see the same signal).
 */
export async function runPool(
	tasks: readonly (() => Promise<void>)[],
	limit: number,
	signal: AbortSignal
): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < tasks.length && !signal.aborted) await tasks[next++]();
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, tasks.length)) }, worker));
}
