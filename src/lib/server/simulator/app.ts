import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BATCH_MAX_BYTES, CountTokensParamsSchema } from '$lib/schemas';
import type { Catalog } from '$lib/catalog';
import { serverCatalog } from '../catalog';
import { listModels, retrieveModel, usableModel } from './models';
import {
	HttpProblem,
	apiError,
	json,
	newRequestId,
	parseJsonText,
	readBodyText,
	validate
} from '../http';
import { parseFaults, statusFault, type Faults } from './faults';
import { rateLimitHeaders } from './headers';
import { checkPrompt, planMessage, requestSeed, type SimContext } from './messages';
import { parseMessageRequest } from './parse';
import { checkVersionHeader, checkVersionRules } from './version-rules';
import { checkRolesAndBlocks, foldSystemMessages } from './request-checks';
import { PromptCache } from './cache';
import { countInputTokens } from './count';
import { messageEvents, sseBody } from './stream';
import { createBatches } from './batches';
import { FileStore } from './files-store';
import { createFilesApi } from './files';
import { resolveSources } from './documents';

export interface SimulatorOptions {
	tokensPerSecond: number;
	seed: string;
	/** Faults applied to every request (config SIMULATOR_FAULT), on top of per-request ones. */
	fault?: string;
	maxBodyBytes?: number;
	/** Simulated processing time per batch request (config SIMULATOR_BATCH_SECONDS_PER_REQUEST). */
	batchSecondsPerRequest?: number;
	/** Where batches persist (`<dataDir>/simulator/batches`), so they survive a restart. */
	dataDir?: string;
	/** Batch create body cap; the API's is 256 MB. Tests lower it to exercise the 413. */
	maxBatchBodyBytes?: number;
	/** The clock for batch progress and the prompt cache's TTL; tests inject one. */
	now?: () => number;
	/** Files API per-file cap; the API's is 500 MB. Tests lower it to exercise the 413. */
	maxFileBytes?: number;
	/** Models, limits and lifecycle; by default the server's (bundled or `CATALOG_FILE`). */
	catalog?: Catalog;
}

export interface Simulator {
	/** Serves one request of the Anthropic API, as `fetch` would get it from the real one. */
	fetch(request: Request): Promise<Response>;
}

const MAX_BODY = 32 * 1024 * 1024;

export function parseBetas(header: string | null): string[] {
	return (header ?? '')
		.split(',')
		.map((b) => b.trim())
		.filter(Boolean);
}

export function createSimulator(options: SimulatorOptions): Simulator {
	// Callers that never create batches or files need not choose a folder.
	const dataDir = options.dataDir ?? join(tmpdir(), 'messages-playground');
	const files = new FileStore(join(dataDir, 'simulator', 'files'), options.now);
	const filesApi = createFilesApi({ store: files, maxFileBytes: options.maxFileBytes });
	const batches = createBatches({
		dataDir,
		secondsPerRequest: options.batchSecondsPerRequest ?? 0.05,
		maxBodyBytes: options.maxBatchBodyBytes ?? BATCH_MAX_BYTES,
		now: options.now ?? Date.now
	});
	const cache = new PromptCache(options.now);
	const catalog = () => options.catalog ?? serverCatalog();
	const clock = () => new Date(options.now?.() ?? Date.now());
	let used = { requests: 0, inputTokens: 0, outputTokens: 0 };
	let window = Math.floor(Date.now() / 60_000);

	function account(input: number, output: number) {
		const now = Math.floor(Date.now() / 60_000);
		if (now !== window) {
			window = now;
			used = { requests: 0, inputTokens: 0, outputTokens: 0 };
		}
		used.requests++;
		used.inputTokens += input;
		used.outputTokens += output;
	}

	async function readJson(request: Request): Promise<unknown> {
		return parseJsonText(await readBodyText(request, options.maxBodyBytes ?? MAX_BODY));
	}

	async function messages(request: Request, ctx: SimContext, faults: Faults): Promise<Response> {
		const params = parseMessageRequest(await readJson(request), ctx.version);
		await resolveSources(params, ctx.files);
		const message = planMessage(params, ctx);
		account(message.usage.input_tokens, message.usage.output_tokens);
		const headers = rateLimitHeaders(new Date(), used);
		if (!params.stream) {
			if (faults.slowMs) await new Promise((r) => setTimeout(r, faults.slowMs));
			return json(message, { headers });
		}
		const body = sseBody(messageEvents(message, requestSeed(params, ctx)), {
			tokensPerSecond: options.tokensPerSecond,
			signal: request.signal,
			delayMs: faults.slowMs,
			dropAfter: faults.dropAfter,
			errorAfter: faults.streamError
		});
		return new Response(body, {
			headers: {
				...headers,
				'content-type': 'text/event-stream; charset=utf-8',
				'cache-control': 'no-cache'
			}
		});
	}

	async function route(
		request: Request,
		url: URL,
		ctx: SimContext,
		faults: Faults
	): Promise<Response> {
		const path = url.pathname.replace(/\/+$/, '');
		const method = request.method;
		if (path === '/v1/messages' && method === 'POST') return messages(request, ctx, faults);
		if (path === '/v1/messages/count_tokens' && method === 'POST') {
			const raw = await readJson(request);
			checkVersionRules((raw ?? {}) as Record<string, unknown>, ctx.version);
			checkRolesAndBlocks(raw);
			const params = validate(CountTokensParamsSchema, foldSystemMessages(raw));
			usableModel(params.model, catalog(), clock());
			checkPrompt(params, ctx.betas);
			await resolveSources(params, ctx.files);
			return json({ input_tokens: countInputTokens(params) });
		}
		if (path === '/v1/models' && method === 'GET') return json(listModels(url, catalog(), clock()));
		const model = path.match(/^\/v1\/models\/([^/]+)$/);
		if (model && method === 'GET') return json(retrieveModel(model[1], catalog(), clock()));
		if (path === '/v1/files' || path.startsWith('/v1/files/')) {
			const answer = await filesApi(request, url, path, ctx.betas);
			if (answer) return answer;
		}
		if (path.startsWith('/v1/messages/batches')) {
			const answer = await batches.handle(request, url, path, ctx);
			if (answer) return answer;
		}
		throw new HttpProblem('not_found_error', `Not found: ${method} ${url.pathname}`);
	}

	return {
		async fetch(request) {
			const requestId = newRequestId();
			let response: Response;
			try {
				const url = new URL(request.url);
				if (!request.headers.get('x-api-key') && !request.headers.get('authorization'))
					throw new HttpProblem('authentication_error', 'x-api-key header is required');
				if (!request.headers.get('anthropic-version'))
					throw new HttpProblem('invalid_request_error', 'anthropic-version: header is required');
				checkVersionHeader(request.headers.get('anthropic-version')!);
				const faults = {
					...parseFaults(options.fault),
					...parseFaults(request.headers.get('x-simulator-fault'))
				};
				if (faults.status) {
					const { problem, headers } = statusFault(faults.status);
					// A refused Messages call still reports the rate-limit buckets, as the API does.
					const limits = url.pathname.startsWith('/v1/messages')
						? rateLimitHeaders(new Date(), used)
						: {};
					response = apiError(problem.type, problem.message, {
						status: problem.status,
						headers: { ...limits, ...headers },
						requestId
					});
				} else {
					const ctx: SimContext = {
						seed: options.seed,
						betas: parseBetas(request.headers.get('anthropic-beta')),
						version: request.headers.get('anthropic-version')!,
						cache,
						files,
						catalog: catalog(),
						now: clock(),
						faults
					};
					response = await route(request, url, ctx, faults);
				}
			} catch (e) {
				if (!(e instanceof HttpProblem)) throw e;
				response = e.toResponse(requestId);
			}
			response.headers.set('request-id', requestId);
			return response;
		}
	};
}
