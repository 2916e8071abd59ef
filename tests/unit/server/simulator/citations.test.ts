import type Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { inProcessSimulator } from '../../../support/in-process-sim';
import { makePdf } from '../../../support/pdf';
import { shapeProblems } from '../../../support/sdk-shapes';
import { pdfPages } from '../../../../src/lib/server/simulator/pdf';
import { sentences } from '../../../../src/lib/server/simulator/citations';

const model = 'claude-sonnet-4-6';
const FACTS =
	'The grass is green. The sky is blue. Paris is the capital of France.\nThe Seine flows through Paris.';
const textDoc = (
	data: string,
	extra: Partial<Anthropic.DocumentBlockParam> = {}
): Anthropic.DocumentBlockParam => ({
	type: 'document',
	source: { type: 'text', media_type: 'text/plain', data },
	citations: { enabled: true },
	...extra
});
const ask = (
	blocks: Anthropic.ContentBlockParam[],
	question: string
): Anthropic.MessageCreateParamsNonStreaming => ({
	model,
	max_tokens: 600,
	messages: [{ role: 'user', content: [...blocks, { type: 'text', text: question }] }]
});
const citationsOf = (m: Anthropic.Message) =>
	m.content.flatMap((b) => (b.type === 'text' ? (b.citations ?? []) : []));

describe('citations on documents', () => {
	const { client } = inProcessSimulator();

	it('quotes plain text with char locations whose cited_text is the slice they point at', async () => {
		const m = await client().messages.create(
			ask([textDoc(FACTS, { title: 'Facts' })], 'What color is the sky?')
		);
		const cites = citationsOf(m) as Anthropic.CitationCharLocation[];
		expect(cites.length).toBeGreaterThan(0);
		for (const c of cites) {
			expect(shapeProblems(c, 'CitationCharLocation')).toEqual([]);
			expect(c.type).toBe('char_location');
			expect(FACTS.slice(c.start_char_index, c.end_char_index)).toBe(c.cited_text);
			expect(c.document_title).toBe('Facts');
		}
		// The answer follows the question: the sky's sentence is quoted, and only matching ones.
		expect(cites.map((c) => c.cited_text.trim())).toEqual(['The sky is blue.']);
		const quoted = m.content.find(
			(b) => b.type === 'text' && b.citations?.length
		) as Anthropic.TextBlock;
		expect(FACTS).toContain(quoted.text);
	});

	it('cites a PDF made here by page, with text that is on that page', async () => {
		const pdf = await makePdf([
			'The river is long. It has many bridges.',
			'The mountain is tall. Snow covers the mountain.'
		]);
		const pages = await pdfPages(pdf);
		expect(pages).toEqual([
			'The river is long. It has many bridges.',
			'The mountain is tall. Snow covers the mountain.'
		]);
		const doc: Anthropic.DocumentBlockParam = {
			type: 'document',
			source: {
				type: 'base64',
				media_type: 'application/pdf',
				data: Buffer.from(pdf).toString('base64')
			},
			citations: { enabled: true },
			title: 'Geography'
		};
		const m = await client().messages.create(ask([doc], 'How tall is the mountain?'));
		const cites = citationsOf(m) as Anthropic.CitationPageLocation[];
		expect(cites.length).toBeGreaterThan(0);
		for (const c of cites) {
			expect(shapeProblems(c, 'CitationPageLocation')).toEqual([]);
			expect(c.start_page_number).toBe(2);
			expect(c.end_page_number).toBe(3);
			expect(pages[c.start_page_number - 1]).toContain(c.cited_text.trim());
		}
	});

	it('refuses a PDF that is not one, naming the block', async () => {
		const doc: Anthropic.DocumentBlockParam = {
			type: 'document',
			source: {
				type: 'base64',
				media_type: 'application/pdf',
				data: Buffer.from('not a pdf at all').toString('base64')
			}
		};
		await expect(client().messages.create(ask([doc], 'Summarise'))).rejects.toMatchObject({
			status: 400,
			message: expect.stringContaining('messages.0.content.0.source')
		});
	});

	it('cites custom content by block index', async () => {
		const doc: Anthropic.DocumentBlockParam = {
			type: 'document',
			source: {
				type: 'content',
				content: [
					{ type: 'text', text: 'Cats sleep a lot.' },
					{ type: 'text', text: 'Dogs like long walks.' }
				]
			},
			citations: { enabled: true }
		};
		const m = await client().messages.create(ask([doc], 'What do dogs like?'));
		const cites = citationsOf(m) as Anthropic.CitationContentBlockLocation[];
		expect(cites).toHaveLength(1);
		expect(shapeProblems(cites[0], 'CitationContentBlockLocation')).toEqual([]);
		expect(cites[0]).toMatchObject({
			type: 'content_block_location',
			start_block_index: 1,
			end_block_index: 2,
			cited_text: 'Dogs like long walks.'
		});
	});

	it('numbers documents in request order and quotes without citations when they are off', async () => {
		const m = await client().messages.create(
			ask(
				[
					textDoc('Apples are red.', { citations: { enabled: false } }),
					textDoc('Bananas are yellow.')
				],
				'What color are bananas?'
			)
		);
		const cites = citationsOf(m) as Anthropic.CitationCharLocation[];
		expect(cites.map((c) => c.document_index)).toEqual([1]);
		expect(cites[0].cited_text).toBe('Bananas are yellow.');
	});

	it('cites search results, top level and inside a tool result', async () => {
		const result = (source: string, text: string): Anthropic.SearchResultBlockParam => ({
			type: 'search_result',
			source,
			title: `About ${source}`,
			content: [{ type: 'text', text }],
			citations: { enabled: true }
		});
		const top = await client().messages.create(
			ask(
				[
					result('https://a.example/one', 'Rust is a systems language.'),
					result('https://b.example/two', 'Go compiles fast.')
				],
				'Does Go compile fast?'
			)
		);
		const cites = citationsOf(top) as Anthropic.CitationsSearchResultLocation[];
		const goCite = cites.find((c) => c.search_result_index === 1)!;
		expect(shapeProblems(goCite, 'CitationsSearchResultLocation')).toEqual([]);
		expect(goCite).toMatchObject({
			source: 'https://b.example/two',
			title: 'About https://b.example/two',
			cited_text: 'Go compiles fast.'
		});

		const tools: Anthropic.Tool[] = [
			{ name: 'kb', input_schema: { type: 'object', properties: { q: { type: 'string' } } } }
		];
		const viaTool = await client().messages.create({
			model,
			max_tokens: 600,
			tools,
			messages: [
				{ role: 'user', content: 'Search the knowledge base for Go' },
				{
					role: 'assistant',
					content: [{ type: 'tool_use', id: 'toolu_01A', name: 'kb', input: { q: 'Go' } }]
				},
				{
					role: 'user',
					content: [
						{
							type: 'tool_result',
							tool_use_id: 'toolu_01A',
							content: [result('kb://go', 'Go has goroutines.')]
						}
					]
				}
			]
		});
		expect(viaTool.stop_reason).toBe('end_turn');
		expect(citationsOf(viaTool)).toEqual([
			expect.objectContaining({
				type: 'search_result_location',
				source: 'kb://go',
				cited_text: 'Go has goroutines.',
				search_result_index: 0
			})
		]);
	});

	it('streams citations as citations_delta, ending with the same message as without streaming', async () => {
		const params = ask([textDoc(FACTS)], 'Where does the Seine flow?');
		const plain = await client().messages.create(params);
		const stream = client().messages.stream(params);
		const deltas: unknown[] = [];
		stream.on('streamEvent', (e) => {
			if (e.type === 'content_block_delta' && e.delta.type === 'citations_delta')
				deltas.push(e.delta.citation);
		});
		const streamed = await stream.finalMessage();
		expect(deltas).toEqual(citationsOf(plain));
		expect(streamed.content).toEqual(plain.content);
	});

	it('counts document tokens from their text, the same in count_tokens and usage', async () => {
		const small = ask([textDoc('One short line.')], 'Summarise');
		const big = ask(
			[textDoc('A much longer sentence about many things. '.repeat(50))],
			'Summarise'
		);
		const { max_tokens: _a, ...smallPrompt } = small;
		const { max_tokens: _b, ...bigPrompt } = big;
		const [s, b] = [
			await client().messages.countTokens(smallPrompt),
			await client().messages.countTokens(bigPrompt)
		];
		expect(b.input_tokens - s.input_tokens).toBeGreaterThan(300);
		expect((await client().messages.create(big)).usage.input_tokens).toBe(b.input_tokens);
	});

	it('reads a URL document as pages made from the URL, since the simulator cannot fetch', async () => {
		const doc: Anthropic.DocumentBlockParam = {
			type: 'document',
			source: { type: 'url', url: 'https://example.com/annual-report.pdf' },
			citations: { enabled: true }
		};
		const m = await client().messages.create(ask([doc], 'What is the annual report about?'));
		const cites = citationsOf(m) as Anthropic.CitationPageLocation[];
		expect(cites[0].type).toBe('page_location');
		expect(cites.some((c) => c.cited_text.includes('annual report'))).toBe(true);
	});

	it('answers the same request the same way', async () => {
		const params = ask([textDoc(FACTS)], 'Tell me about Paris');
		expect((await client().messages.create(params)).content).toEqual(
			(await client().messages.create(params)).content
		);
	});
});

describe('sentences', () => {
	it('covers the text with sentences that keep their trailing space', () => {
		const text = 'One. Two! Three?\nFour';
		const parts = sentences(text).map(({ start, end }) => text.slice(start, end));
		expect(parts).toEqual(['One. ', 'Two! ', 'Three?\n', 'Four']);
	});
});
