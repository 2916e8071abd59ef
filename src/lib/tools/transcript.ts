/**
 * The record of one tool run: every response (its blocks, stop reason and usage), the
 * calls it made and the tool_result blocks sent back, plus the usage summed over all steps.
 * It is plain JSON, copied as is and stored in permalinks (whose schema keeps it opaque).
 */
import type { Message, ToolResultBlockParam } from '$lib/schemas';
import { sumUsage, type Usage } from '$lib/schemas/usage';
import { toolCalls, type ToolCall } from './pairing';

/** Who produced a result: typed by the person, a mock responder, or the in-browser editor. */
export type ResultSource = 'manual' | 'mock' | 'editor';

/** A finished step as the loop keeps it. */
export interface StepRecord {
	response: Message;
	results: ToolResultBlockParam[];
	sources: Record<string, ResultSource>;
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
	/** The four token counts summed over every step. */
	total_usage: Usage;
	/** How the last request failed, when it did. */
	error?: { type: string; message: string };
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
