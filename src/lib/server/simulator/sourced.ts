import type { MessageCreateParams } from '$lib/schemas';
import type { Rng } from './random';
import type { FileStore } from './files-store';
import { citedAnswer } from './citations';
import { sourcesOf } from './documents';
import { fitBlocks, type FittedContent } from './fit';
import { planServerTools } from './server-tools';
import { textOf } from './tools';

/**
 * Answers that come from somewhere: a server tool's result (web search, fetch, code execution)
 * or the request's documents and search results, quoted with citations. Undefined when the
 * request has neither, or when a client tool call is the better answer.
 */
export interface SourcedAnswer extends FittedContent {
	server_tool_use?: { web_search_requests: number; web_fetch_requests: number };
}

export function planSourcedAnswer(
	params: MessageCreateParams,
	seed: number,
	rng: Rng,
	toolPlanned: boolean,
	budget: number,
	files?: FileStore
): SourcedAnswer | undefined {
	const server = planServerTools(params, seed, rng, files);
	if (server) return { ...fitBlocks(server.blocks, params, budget), server_tool_use: server.usage };
	const last = params.messages[params.messages.length - 1];
	if (last.role !== 'user') return undefined;
	const sources = sourcesOf(params);
	if (sources.length === 0) return undefined;
	// Search results a tool just returned are answered from; otherwise a planned tool call goes first.
	const fresh = sources.some((s) => s.messageIndex === params.messages.length - 1);
	if (toolPlanned && !fresh) return undefined;
	const question =
		textOf(last).trim() ||
		[...params.messages]
			.reverse()
			.map(textOf)
			.find((t) => t.trim()) ||
		'';
	return fitBlocks(citedAnswer(sources, question), params, budget);
}
