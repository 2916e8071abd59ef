import type Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { inProcessSimulator } from '../../../support/in-process-sim';
import { shapeProblems } from '../../../support/sdk-shapes';

const model = 'claude-sonnet-4-6';
type Tools = Anthropic.MessageCreateParams['tools'];
const search = (
	extra: Partial<Anthropic.WebSearchTool20250305> = {}
): Anthropic.WebSearchTool20250305 => ({
	type: 'web_search_20250305',
	name: 'web_search',
	...extra
});
const ask = (
	content: string,
	tools: Tools,
	extra: Partial<Anthropic.MessageCreateParamsNonStreaming> = {}
): Anthropic.MessageCreateParamsNonStreaming => ({
	model,
	max_tokens: 800,
	tools,
	messages: [{ role: 'user', content }],
	...extra
});
const blocksOf = <T extends Anthropic.ContentBlock['type']>(m: Anthropic.Message, type: T) =>
	m.content.filter((b): b is Extract<Anthropic.ContentBlock, { type: T }> => b.type === type);
const decode = (s: string) => Buffer.from(s, 'base64').toString('utf8');

describe('web search', () => {
	const { client } = inProcessSimulator();

	it('searches what the prompt asks, with result blocks shaped as the SDK types them', async () => {
		const m = await client().messages.create(ask('What is the weather in Paris?', [search()]));
		const [use] = blocksOf(m, 'server_tool_use');
		expect(shapeProblems(use, 'ServerToolUseBlock')).toEqual([]);
		expect(use).toMatchObject({ name: 'web_search', caller: { type: 'direct' } });
		expect(use.id).toMatch(/^srvtoolu_01/);
		expect((use.input as { query: string }).query).toMatch(/Paris/);
		const [result] = blocksOf(m, 'web_search_tool_result');
		expect(shapeProblems(result, 'WebSearchToolResultBlock')).toEqual([]);
		expect(result.tool_use_id).toBe(use.id);
		const results = result.content as Anthropic.WebSearchResultBlock[];
		expect(results.length).toBeGreaterThan(2);
		for (const r of results) {
			expect(shapeProblems(r, 'WebSearchResultBlock')).toEqual([]);
			expect(`${r.title} ${decode(r.encrypted_content)}`).toMatch(/Paris/);
			expect(() => new URL(r.url)).not.toThrow();
		}
		expect(m.usage.server_tool_use).toEqual({ web_search_requests: 1, web_fetch_requests: 0 });
		expect(m.stop_reason).toBe('end_turn');
	});

	it('cites the results it answers from, quoting their content', async () => {
		const m = await client().messages.create(
			ask('Search for the latest news about Rust', [search()])
		);
		const results = blocksOf(m, 'web_search_tool_result')[0]
			.content as Anthropic.WebSearchResultBlock[];
		const cites = m.content.flatMap((b) =>
			b.type === 'text' ? (b.citations ?? []) : []
		) as Anthropic.CitationsWebSearchResultLocation[];
		expect(cites.length).toBeGreaterThan(0);
		for (const c of cites) {
			expect(shapeProblems(c, 'CitationsWebSearchResultLocation')).toEqual([]);
			const page = results.find((r) => r.url === c.url)!;
			expect(page.title).toBe(c.title);
			expect(decode(page.encrypted_content)).toContain(c.cited_text);
		}
	});

	it('makes one search per place and stops at max_uses with the API error', async () => {
		const m = await client().messages.create(
			ask('What is the weather in Paris and London?', [search({ max_uses: 1 })])
		);
		const queries = blocksOf(m, 'server_tool_use').map((u) => (u.input as { query: string }).query);
		expect(queries).toEqual(['weather in Paris', 'weather in London']);
		const [first, second] = blocksOf(m, 'web_search_tool_result');
		expect(Array.isArray(first.content)).toBe(true);
		expect(second.content).toEqual({
			type: 'web_search_tool_result_error',
			error_code: 'max_uses_exceeded'
		});
		expect(m.usage.server_tool_use?.web_search_requests).toBe(1);
	});

	it('keeps to allowed domains, skips blocked ones and refuses both at once', async () => {
		const allowed = await client().messages.create(
			ask('Search for Kotlin coroutines', [search({ allowed_domains: ['kotlinlang.org'] })])
		);
		const urls = (
			blocksOf(allowed, 'web_search_tool_result')[0].content as Anthropic.WebSearchResultBlock[]
		).map((r) => new URL(r.url).hostname);
		expect(urls.length).toBeGreaterThan(0);
		expect(urls.every((h) => h === 'kotlinlang.org')).toBe(true);
		const blocked = await client().messages.create(
			ask('Search for Kotlin coroutines', [search({ blocked_domains: ['wikipedia.org'] })])
		);
		const hosts = (
			blocksOf(blocked, 'web_search_tool_result')[0].content as Anthropic.WebSearchResultBlock[]
		).map((r) => new URL(r.url).hostname);
		expect(hosts.some((h) => h.endsWith('wikipedia.org'))).toBe(false);
		await expect(
			client().messages.create(
				ask('Search for Kotlin', [
					search({ allowed_domains: ['a.com'], blocked_domains: ['b.com'] })
				])
			)
		).rejects.toMatchObject({ status: 400, message: expect.stringContaining('allowed_domains') });
	});

	it('localises a question about here and today with user_location', async () => {
		const m = await client().messages.create(
			ask("What's the weather today?", [
				{
					type: 'web_search_20260318',
					name: 'web_search',
					user_location: { type: 'approximate', city: 'Lyon' }
				}
			])
		);
		expect((blocksOf(m, 'server_tool_use')[0].input as { query: string }).query).toMatch(/Lyon/);
	});

	it('is deterministic and streams the same message, input as input_json_delta', async () => {
		const params = ask('Look up the population of Tokyo', [search()]);
		const a = await client().messages.create(params);
		expect((await client().messages.create(params)).content).toEqual(a.content);
		const stream = client().messages.stream(params);
		let partial = '';
		let deltaUsage: unknown;
		stream.on('streamEvent', (e) => {
			if (e.type === 'content_block_delta' && e.delta.type === 'input_json_delta')
				partial += e.delta.partial_json;
			if (e.type === 'message_delta') deltaUsage = e.usage.server_tool_use;
		});
		const streamed = await stream.finalMessage();
		expect(streamed.content).toEqual(a.content);
		expect(JSON.parse(partial)).toEqual(blocksOf(a, 'server_tool_use')[0].input);
		expect(deltaUsage).toEqual({ web_search_requests: 1, web_fetch_requests: 0 });
	});
});

describe('web fetch', () => {
	const { client } = inProcessSimulator();
	const fetchTool = (
		extra: Partial<Anthropic.WebFetchTool20260318> = {}
	): Anthropic.WebFetchTool20260318 => ({
		type: 'web_fetch_20260318',
		name: 'web_fetch',
		...extra
	});

	it('fetches the URL the prompt gives and counts the request', async () => {
		const m = await client().messages.create(
			ask('Summarise https://example.com/blog/solar-power please', [fetchTool()])
		);
		const [use] = blocksOf(m, 'server_tool_use');
		expect(use.input).toEqual({ url: 'https://example.com/blog/solar-power' });
		const [result] = blocksOf(m, 'web_fetch_tool_result');
		expect(shapeProblems(result, 'WebFetchToolResultBlock')).toEqual([]);
		const fetched = result.content as Anthropic.WebFetchBlock;
		expect(shapeProblems(fetched, 'WebFetchBlock')).toEqual([]);
		expect(shapeProblems(fetched.content, 'DocumentBlock')).toEqual([]);
		expect((fetched.content.source as Anthropic.PlainTextSource).data).toMatch(/solar power/);
		expect(m.usage.server_tool_use).toEqual({ web_search_requests: 0, web_fetch_requests: 1 });
	});

	it('refuses a blocked domain with url_not_allowed', async () => {
		const m = await client().messages.create(
			ask('Read https://evil.example.net/x', [fetchTool({ blocked_domains: ['example.net'] })])
		);
		expect(blocksOf(m, 'web_fetch_tool_result')[0].content).toEqual({
			type: 'web_fetch_tool_result_error',
			error_code: 'url_not_allowed'
		});
	});
});

describe('code execution', () => {
	const { client } = inProcessSimulator();

	it('runs the arithmetic the prompt asks for, in bash for current versions', async () => {
		const m = await client().messages.create(
			ask('Calculate 17 * 23 + 4 please', [
				{ type: 'code_execution_20260120', name: 'code_execution' }
			])
		);
		const [use] = blocksOf(m, 'server_tool_use');
		expect(use.name).toBe('bash_code_execution');
		const [result] = blocksOf(m, 'bash_code_execution_tool_result');
		expect(shapeProblems(result, 'BashCodeExecutionToolResultBlock')).toEqual([]);
		expect(shapeProblems(result.content, 'BashCodeExecutionResultBlock')).toEqual([]);
		expect(result.content).toMatchObject({ stdout: '395\n', stderr: '', return_code: 0 });
		expect(m.content.at(-1)).toMatchObject({ type: 'text', text: expect.stringContaining('395') });
	});

	it('runs Python directly under code_execution_20250522, and reports a failure on stderr', async () => {
		const tools: Tools = [{ type: 'code_execution_20250522', name: 'code_execution' }];
		const ok = await client().messages.create(ask('Run print(2 ** 10)', tools));
		const [use] = blocksOf(ok, 'server_tool_use');
		expect(use).toMatchObject({ name: 'code_execution', input: { code: 'print(2 ** 10)' } });
		const [result] = blocksOf(ok, 'code_execution_tool_result');
		expect(shapeProblems(result, 'CodeExecutionToolResultBlock')).toEqual([]);
		expect(result.content).toMatchObject({
			type: 'code_execution_result',
			stdout: '1024\n',
			return_code: 0
		});
		const bad = await client().messages.create(ask('Run print(1 / 0)', tools));
		expect(blocksOf(bad, 'code_execution_tool_result')[0].content).toMatchObject({
			return_code: 1,
			stderr: expect.stringContaining('ZeroDivisionError')
		});
	});

	it('echoes', async () => {
		const m = await client().messages.create(
			ask('echo "hello sandbox"', [{ type: 'code_execution_20250825', name: 'code_execution' }])
		);
		expect(blocksOf(m, 'bash_code_execution_tool_result')[0].content).toMatchObject({
			stdout: 'hello sandbox\n',
			return_code: 0
		});
	});
});

describe('stop-reason faults', () => {
	const { client } = inProcessSimulator();
	const fault = (name: string) => client({ 'x-simulator-fault': name });

	it('pauses a server-tool turn after its result', async () => {
		const m = await fault('pause_turn').messages.create(
			ask('What is the weather in Rome?', [search()])
		);
		expect(m.stop_reason).toBe('pause_turn');
		expect(m.content.at(-1)?.type).toBe('web_search_tool_result');
	});

	it('refuses with stop_details, also when streaming', async () => {
		const m = await fault('refusal').messages.create(ask('Hello', undefined));
		expect(m.stop_reason).toBe('refusal');
		expect(m.stop_details).toMatchObject({ type: 'refusal' });
		const streamed = await fault('refusal').messages.stream(ask('Hello', undefined)).finalMessage();
		expect(streamed.stop_reason).toBe('refusal');
		expect(streamed.stop_details).toMatchObject({ type: 'refusal' });
	});

	it('stops at the context window', async () => {
		const m = await fault('context_window_exceeded').messages.create(
			ask('Tell me a long story', undefined)
		);
		expect(m.stop_reason).toBe('model_context_window_exceeded');
	});
});
