import { describe, expect, it } from 'vitest';
import { describeCitation, planBlocks } from '$lib/response/citations';
import { describeServerResult } from '$lib/response/server-tools';
import { checkStructured } from '$lib/response/structured';
import { usageRows } from '$lib/response/usage-rows';
import { costOf } from '$lib/catalog';

describe('citations', () => {
	const page = {
		type: 'page_location',
		cited_text: 'Tides rise twice a day.',
		document_index: 0,
		document_title: 'Tides',
		start_page_number: 2,
		end_page_number: 3
	};
	const chars = {
		type: 'char_location',
		cited_text: 'Grass is green.',
		document_index: 1,
		document_title: null,
		start_char_index: 0,
		end_char_index: 15
	};
	it('numbers markers through the response and keeps runs of text together', () => {
		const plan = planBlocks([
			{ type: 'thinking', thinking: 'hm' },
			{ type: 'text', text: 'As the doc says, ' },
			{ type: 'text', text: 'tides rise twice', citations: [page] },
			{ type: 'text', text: ' and ' },
			{ type: 'text', text: 'grass is green', citations: [chars, page] }
		]);
		expect(plan.map((i) => i.kind)).toEqual(['block', 'cited']);
		const cited = plan[1];
		expect(
			cited.kind === 'cited' && cited.segments.map((s) => s.citations.map((c) => c.n))
		).toEqual([[], [1], [], [2, 3]]);
	});
	it('leaves text without citations as plain blocks', () => {
		expect(
			planBlocks([
				{ type: 'text', text: 'a' },
				{ type: 'tool_use' },
				{ type: 'text', text: 'b' }
			]).map((i) => i.kind)
		).toEqual(['block', 'block', 'block']);
	});
	it('describes where each kind of citation points', () => {
		expect(describeCitation(page)).toEqual({
			citedText: 'Tides rise twice a day.',
			source: 'Tides',
			location: 'page 2'
		});
		expect(describeCitation(chars)).toMatchObject({
			source: 'document 2',
			location: 'characters 0–15'
		});
		expect(
			describeCitation({
				type: 'search_result_location',
				cited_text: 'x',
				source: 'https://kb.test/a',
				title: 'KB',
				start_block_index: 0,
				end_block_index: 2,
				search_result_index: 0
			}).location
		).toBe('https://kb.test/a · blocks 1–2');
	});
});

describe('server tool results', () => {
	it('reads search hits, fetched pages, code output and errors', () => {
		expect(
			describeServerResult({
				type: 'web_search_tool_result',
				content: [
					{ type: 'web_search_result', title: 'T', url: 'https://a.test', page_age: '2 days ago' }
				]
			})
		).toEqual({
			kind: 'search',
			results: [{ title: 'T', url: 'https://a.test', age: '2 days ago' }]
		});
		expect(
			describeServerResult({
				type: 'web_fetch_tool_result',
				content: {
					type: 'web_fetch_result',
					url: 'https://a.test',
					retrieved_at: null,
					content: { type: 'document', title: 'Page' }
				}
			})
		).toMatchObject({ kind: 'fetch', title: 'Page' });
		expect(
			describeServerResult({
				type: 'bash_code_execution_tool_result',
				content: { type: 'bash_code_execution_result', stdout: '4\n', stderr: '', return_code: 0 }
			})
		).toEqual({ kind: 'code', stdout: '4\n', stderr: '', returnCode: 0 });
		expect(
			describeServerResult({
				type: 'web_search_tool_result',
				content: { type: 'web_search_tool_result_error', error_code: 'max_uses_exceeded' }
			})
		).toEqual({ kind: 'error', code: 'max_uses_exceeded' });
	});
});

describe('structured output check', () => {
	const schema = {
		type: 'object',
		properties: { n: { type: 'integer', minimum: 1 } },
		required: ['n'],
		additionalProperties: false
	};
	it('accepts JSON that follows the schema and pretty-prints it', () => {
		const r = checkStructured('{"n":3}', schema);
		expect(r).toMatchObject({ kind: 'checked', valid: true, pretty: '{\n  "n": 3\n}' });
	});
	it('names what breaks the schema', () => {
		const r = checkStructured('{"n":0,"x":1}', schema);
		expect(r.kind === 'checked' && r.valid).toBe(false);
		expect(r.kind === 'checked' && r.errors.join(' ')).toMatch(/#\/n/);
		expect(checkStructured('{"n":', schema).kind).toBe('not-json');
	});
});

describe('usage rows', () => {
	it('splits cache writes by TTL and shows thinking and server-tool requests', () => {
		const usage = {
			input_tokens: 100,
			output_tokens: 50,
			cache_creation_input_tokens: 30,
			cache_read_input_tokens: 0,
			cache_creation: { ephemeral_5m_input_tokens: 10, ephemeral_1h_input_tokens: 20 },
			output_tokens_details: { thinking_tokens: 40 },
			server_tool_use: { web_search_requests: 2, web_fetch_requests: 0 }
		};
		const rows = usageRows(usage, costOf('claude-sonnet-5-5', usage));
		expect(rows.map((r) => [r.id, r.value])).toEqual([
			['input', 100],
			['output', 50],
			['thinking', 40],
			['cache-write', 10],
			['cache-write-1h', 20],
			['cache-read', 0],
			['web-search', 2]
		]);
	});
});
