/**
 * The record of one tool run: every response (its blocks, stop reason and usage), the
 * calls it made and the tool_result blocks sent back, plus the usage summed over all steps.
 * It is plain JSON, copied as is and stored in permalinks (whose schema keeps it opaque).
 */
import type { Message, ToolResultBlockParam, Usage } from '$lib/schemas';
import { toolCalls, type ToolCall } from './pairing';

/** Who produced a result: typed by the person, a mock responder, or the in-browser editor. */
export type ResultSource = 'manual' | 'mock' | 'editor';

/** A finished step as the loop keeps it. */
export interface StepRecord {
	response: Message;
	results: ToolResultBlockParam[];
	sources: Record<string, ResultSource>;
}

export interface UsageTotals {
	input_tokens: number;
	output_tokens: number;
	cache_creation_input_tokens: number;
	cache_read_input_tokens: number;
}

export interface TranscriptStep {
	step: number;
	message_id: string;
	stop_reason: string | null;
	content: Message['content'];
	calls: ToolCall[];
	results: (ToolResultBlockParam & { source: ResultSource })[];
	usage: Usage;
}

export interface Transcript {
	kind: 'tool-run';
	version: 1;
	model: string | null;
	steps: TranscriptStep[];
	total_usage: UsageTotals;
	/** How the last request failed, when it did. */
	error?: { type: string; message: string };
}

export function sumUsage(usages: readonly Usage[]): UsageTotals {
	const total: UsageTotals = {
		input_tokens: 0,
		output_tokens: 0,
		cache_creation_input_tokens: 0,
		cache_read_input_tokens: 0
	};
	for (const u of usages) {
		total.input_tokens += u.input_tokens;
		total.output_tokens += u.output_tokens;
		total.cache_creation_input_tokens += u.cache_creation_input_tokens ?? 0;
		total.cache_read_input_tokens += u.cache_read_input_tokens ?? 0;
	}
	return total;
}

/** The steps answered so far, then (when given) the latest response, which has no results yet. */
export function buildTranscript(
	steps: readonly StepRecord[],
	latest: Message | null,
	error?: { type: string; message: string }
): Transcript {
	const all: StepRecord[] = latest
		? [...steps, { response: latest, results: [], sources: {} }]
		: [...steps];
	return {
		kind: 'tool-run',
		version: 1,
		model: all[0]?.response.model ?? null,
		steps: all.map((s, i) => ({
			step: i + 1,
			message_id: s.response.id,
			stop_reason: s.response.stop_reason,
			content: s.response.content,
			calls: toolCalls(s.response.content),
			results: s.results.map((r) => ({ ...r, source: s.sources[r.tool_use_id] ?? 'manual' })),
			usage: s.response.usage
		})),
		total_usage: sumUsage(all.map((s) => s.response.usage)),
		...(error ? { error: { type: error.type, message: error.message } } : {})
	};
}
