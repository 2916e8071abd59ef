import type { ContentBlock, MessageCreateParams } from '$lib/schemas';
import { HttpProblem } from '../http';
import type { FileStore } from './files-store';
import { apiId, type Rng } from './random';
import { codeFromPrompt, runBash, runPython } from './code-exec';
import { pageText, searchQuery, searchResults, type SearchSettings } from './web-search';
import { keywords } from './citations';
import { textOf } from './tools';

/**
 * Server tools (web search, web fetch, code execution): the API runs them itself, within the
 * turn. The answer holds the model's `server_tool_use`, the server's result block, then text
 * that uses the result (web search answers cite the results).
 */
export interface ServerToolPlan {
	blocks: ContentBlock[];
	usage: { web_search_requests: number; web_fetch_requests: number };
}

type ToolDef = { type: string; name?: string; max_uses?: number | null } & SearchSettings & {
		citations?: { enabled?: boolean } | null;
	};
const DIRECT = { type: 'direct' } as const;

export function serverTool(
	params: MessageCreateParams,
	family: 'web_search' | 'web_fetch' | 'code_execution'
): ToolDef | undefined {
	return (params.tools ?? []).find(
		(t) => typeof (t as ToolDef).type === 'string' && (t as ToolDef).type.startsWith(family + '_')
	) as ToolDef | undefined;
}

/** The rules the API checks on server tool definitions. */
export function checkServerTools(params: MessageCreateParams): void {
	(params.tools ?? []).forEach((t, i) => {
		const tool = t as ToolDef;
		if (!/^(web_search|web_fetch)_/.test(String(tool.type))) return;
		if (tool.allowed_domains?.length && tool.blocked_domains?.length)
			throw new HttpProblem(
				'invalid_request_error',
				`tools.${i}: Cannot specify both allowed_domains and blocked_domains.`
			);
		if (
			tool.max_uses !== undefined &&
			tool.max_uses !== null &&
			(!Number.isInteger(tool.max_uses) || tool.max_uses < 1)
		)
			throw new HttpProblem(
				'invalid_request_error',
				`tools.${i}.max_uses: must be a positive integer`
			);
	});
}

const SEARCHY =
	/\b(search|look up|latest|news|current|today|weather|who is|what is|price|recent|find)\b/i;
const URL_RE = /https?:\/\/[^\s<>"')\]]+/;

/** Splits "Paris and London" into the places a prompt asks about, for one search each. */
function queriesFor(prompt: string, settings: SearchSettings): string[] {
	const base = searchQuery(prompt, settings.user_location);
	const pair = base.match(/^(.*?\b(?:in|for|about|of))\s+([A-Z][\w ]*?)\s+and\s+([A-Z][\w ]*)$/);
	return pair ? [`${pair[1]} ${pair[2]}`, `${pair[1]} ${pair[3]}`] : [base];
}

/** What the last user turn asks of a server tool; undefined when no server tool fits it. */
export function planServerTools(
	params: MessageCreateParams,
	seed: number,
	rng: Rng,
	files?: FileStore
): ServerToolPlan | undefined {
	const last = params.messages[params.messages.length - 1];
	if (last.role !== 'user' || params.tool_choice?.type === 'none') return undefined;
	const prompt = textOf(last);
	const choice = params.tool_choice;
	const forced = choice?.type === 'tool' ? choice.name : undefined;
	const search = serverTool(params, 'web_search');
	const fetch = serverTool(params, 'web_fetch');
	const code = serverTool(params, 'code_execution');
	const url = prompt.match(URL_RE)?.[0].replace(/[.,;:!?]+$/, '');
	const program = codeFromPrompt(prompt);
	if (fetch && url && (!forced || forced === 'web_fetch')) return webFetch(fetch, url, rng);
	if (code && program && (!forced || forced === 'code_execution'))
		return codeExecution(code, program, rng, files);
	if (
		search &&
		(SEARCHY.test(prompt) || forced === 'web_search' || params.tool_choice?.type === 'any')
	)
		return webSearch(search, queriesFor(prompt, search), prompt, seed, rng);
	return undefined;
}

function webSearch(
	tool: ToolDef,
	queries: string[],
	prompt: string,
	seed: number,
	rng: Rng
): ServerToolPlan {
	const blocks: ContentBlock[] = [
		{ type: 'text', text: `I'll search the web for ${queries.map((q) => `"${q}"`).join(' and ')}.` }
	];
	const max = tool.max_uses ?? Infinity;
	const cited: { result: ReturnType<typeof searchResults>[number]; query: string }[] = [];
	let requests = 0;
	queries.forEach((query, n) => {
		const id = apiId('srvtoolu', rng);
		blocks.push({
			type: 'server_tool_use',
			id,
			name: 'web_search',
			input: { query },
			caller: DIRECT
		});
		if (n >= max) {
			// Past max_uses the API answers the call with an error instead of results.
			blocks.push({
				type: 'web_search_tool_result',
				tool_use_id: id,
				content: { type: 'web_search_tool_result_error', error_code: 'max_uses_exceeded' },
				caller: DIRECT
			});
			return;
		}
		requests++;
		const results = searchResults(query, tool, seed);
		blocks.push({
			type: 'web_search_tool_result',
			tool_use_id: id,
			content: results,
			caller: DIRECT
		});
		if (results[0]) cited.push({ result: results[0], query });
	});
	if (cited.length === 0)
		blocks.push({
			type: 'text',
			text: 'The search returned nothing I can use, so I cannot answer from the web.'
		});
	else {
		blocks.push({ type: 'text', text: 'Here is what I found. ' });
		cited.forEach(({ result, query }, i) => {
			const page = Buffer.from(result.encrypted_content, 'base64').toString('utf8');
			const quote = page.slice(0, page.indexOf('. ') + 1);
			blocks.push({
				type: 'text',
				text: quote,
				citations: [
					{
						type: 'web_search_result_location',
						url: result.url,
						title: result.title,
						encrypted_index: Buffer.from(`${query}#${i}`).toString('base64'),
						cited_text: quote
					}
				]
			});
			blocks.push({ type: 'text', text: i === cited.length - 1 ? '' : ' ' });
		});
		blocks.push({
			type: 'text',
			text: `\n\nThose sources answer "${keywords(prompt).slice(0, 6).join(' ')}".`
		});
	}
	return {
		blocks: mergePlain(blocks),
		usage: { web_search_requests: requests, web_fetch_requests: 0 }
	};
}

function webFetch(tool: ToolDef, url: string, rng: Rng): ServerToolPlan {
	const id = apiId('srvtoolu', rng);
	const blocks: ContentBlock[] = [
		{ type: 'text', text: `I'll fetch ${url}.` },
		{ type: 'server_tool_use', id, name: 'web_fetch', input: { url }, caller: DIRECT }
	];
	let host = '';
	try {
		host = new URL(url).hostname;
	} catch {
		// an unparsable URL is refused below like one not allowed
	}
	const matches = (d: string) => host === d || host.endsWith('.' + d);
	const refused =
		!host ||
		(tool.allowed_domains?.length && !tool.allowed_domains.some(matches)) ||
		tool.blocked_domains?.some(matches);
	if (refused) {
		blocks.push({
			type: 'web_fetch_tool_result',
			tool_use_id: id,
			content: { type: 'web_fetch_tool_result_error', error_code: 'url_not_allowed' },
			caller: DIRECT
		});
		blocks.push({ type: 'text', text: `I am not allowed to fetch ${url}.` });
		return { blocks, usage: { web_search_requests: 0, web_fetch_requests: 1 } };
	}
	const words =
		decodeURIComponent(new URL(url).pathname)
			.split(/[^A-Za-z0-9]+/)
			.filter(Boolean)
			.join(' ') || host;
	const text = pageText(words, host, host);
	const document = {
		type: 'document',
		source: { type: 'text', media_type: 'text/plain', data: text },
		title: `${words} - ${host}`,
		citations: tool.citations?.enabled ? { enabled: true } : null
	};
	blocks.push({
		type: 'web_fetch_tool_result',
		tool_use_id: id,
		content: { type: 'web_fetch_result', url, retrieved_at: null, content: document },
		caller: DIRECT
	});
	blocks.push({
		type: 'text',
		text: `The page at ${host} says: "${text.slice(0, text.indexOf('. ') + 1)}"`
	});
	return { blocks, usage: { web_search_requests: 0, web_fetch_requests: 1 } };
}

function codeExecution(
	tool: ToolDef,
	program: { python: string; bash: string },
	rng: Rng,
	files?: FileStore
): ServerToolPlan {
	const id = apiId('srvtoolu', rng);
	// The 2025-05-22 version runs Python directly; later versions run bash commands.
	const legacy = tool.type === 'code_execution_20250522';
	const run = legacy ? runPython(program.python) : runBash(program.bash);
	// Files the sandbox wrote become downloadable Files API files, ids fixed by the request.
	const outputs = (files ? (run.files ?? []) : []).map((f) => {
		const stored = files!.createSync({
			id: apiId('file', rng),
			filename: f.name,
			mime_type: 'text/plain',
			bytes: new TextEncoder().encode(f.content),
			downloadable: true
		});
		return { type: 'bash_code_execution_output', file_id: stored.id };
	});
	const result = {
		stdout: run.stdout,
		stderr: run.stderr,
		return_code: run.return_code,
		content: outputs
	};
	const blocks: ContentBlock[] = [
		{ type: 'text', text: "I'll run that in the code execution sandbox." },
		legacy
			? {
					type: 'server_tool_use',
					id,
					name: 'code_execution',
					input: { code: program.python },
					caller: DIRECT
				}
			: {
					type: 'server_tool_use',
					id,
					name: 'bash_code_execution',
					input: { command: program.bash },
					caller: DIRECT
				},
		legacy
			? {
					type: 'code_execution_tool_result',
					tool_use_id: id,
					content: { type: 'code_execution_result', ...result }
				}
			: {
					type: 'bash_code_execution_tool_result',
					tool_use_id: id,
					content: { type: 'bash_code_execution_result', ...result }
				},
		{
			type: 'text',
			text: outputs.length
				? `Done: the sandbox wrote ${run.files!.map((f) => f.name).join(', ')}, which you can download with the Files API.`
				: run.return_code === 0
					? `The output is:\n\n\`\`\`\n${run.stdout.trimEnd()}\n\`\`\``
					: `It failed with return code ${run.return_code}:\n\n\`\`\`\n${run.stderr.trimEnd()}\n\`\`\``
		}
	];
	return { blocks, usage: { web_search_requests: 0, web_fetch_requests: 0 } };
}

/** Adjacent uncited text blocks are one block, as the API sends them. */
function mergePlain(blocks: ContentBlock[]): ContentBlock[] {
	const out: ContentBlock[] = [];
	for (const b of blocks) {
		const last = out[out.length - 1] as
			{ type: string; text?: string; citations?: unknown } | undefined;
		const cur = b as { type: string; text?: string; citations?: unknown };
		if (last?.type === 'text' && cur.type === 'text' && !last.citations && !cur.citations)
			last.text += cur.text ?? '';
		else out.push({ ...b });
	}
	return out.filter((b) => !(b.type === 'text' && (b as { text: string }).text === ''));
}
