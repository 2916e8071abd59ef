import Anthropic, { toFile } from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sdkClient, targets } from '../support/sdk-targets';
import { makePdf } from '../support/pdf';
import { CANARY_KEY, startApp, type AppProcess } from '../support/servers';

/** Documents with citations, server tools and the Files API, through the official SDK only. */
const model = 'claude-sonnet-4-6';
const citationsOf = (m: Anthropic.Message) =>
	m.content.flatMap((b) => (b.type === 'text' ? (b.citations ?? []) : []));
const decode = (s: string) => Buffer.from(s, 'base64').toString('utf8');

describe.each(targets)(
	'documents, server tools and files through the SDK against %s',
	(_name, baseURL) => {
		const client = () => sdkClient(baseURL());

		it('cites a plain-text document and a PDF made here, quoting what is in them', async () => {
			const text = 'Our office is in Lyon. The team has nine people. We ship every Tuesday.';
			const pdf = await makePdf([
				'Chapter one: the harbour.',
				'Chapter two: the lighthouse keeper lights the lamp at dusk.'
			]);
			const m = await client().messages.create({
				model,
				max_tokens: 600,
				messages: [
					{
						role: 'user',
						content: [
							{
								type: 'document',
								source: { type: 'text', media_type: 'text/plain', data: text },
								title: 'About us',
								citations: { enabled: true }
							},
							{
								type: 'document',
								source: {
									type: 'base64',
									media_type: 'application/pdf',
									data: Buffer.from(pdf).toString('base64')
								},
								citations: { enabled: true }
							},
							{ type: 'text', text: 'When do they ship, and when is the lamp lit?' }
						]
					}
				]
			});
			const chars = citationsOf(m).filter(
				(c): c is Anthropic.CitationCharLocation => c.type === 'char_location'
			);
			const pages = citationsOf(m).filter(
				(c): c is Anthropic.CitationPageLocation => c.type === 'page_location'
			);
			expect(chars.map((c) => c.cited_text.trim())).toContain('We ship every Tuesday.');
			for (const c of chars)
				expect(text.slice(c.start_char_index, c.end_char_index)).toBe(c.cited_text);
			expect(pages).toContainEqual(
				expect.objectContaining({
					document_index: 1,
					start_page_number: 2,
					cited_text: 'Chapter two: the lighthouse keeper lights the lamp at dusk.'
				})
			);
		});

		it('searches the web for what was asked and cites the results', async () => {
			const m = await client().messages.create({
				model,
				max_tokens: 800,
				tools: [{ type: 'web_search_20260209', name: 'web_search', max_uses: 2 }],
				messages: [{ role: 'user', content: 'What is the weather in Paris?' }]
			});
			const use = m.content.find(
				(b): b is Anthropic.ServerToolUseBlock => b.type === 'server_tool_use'
			)!;
			expect(use.input).toEqual({ query: 'weather in Paris' });
			const result = m.content.find(
				(b): b is Anthropic.WebSearchToolResultBlock => b.type === 'web_search_tool_result'
			)!;
			const results = result.content as Anthropic.WebSearchResultBlock[];
			expect(results.every((r) => /Paris/.test(r.title + decode(r.encrypted_content)))).toBe(true);
			const cites = citationsOf(m) as Anthropic.CitationsWebSearchResultLocation[];
			expect(cites.length).toBeGreaterThan(0);
			for (const c of cites)
				expect(decode(results.find((r) => r.url === c.url)!.encrypted_content)).toContain(
					c.cited_text
				);
			expect(m.usage.server_tool_use).toEqual({ web_search_requests: 1, web_fetch_requests: 0 });
		});

		it('runs code execution and reports its output', async () => {
			const m = await client().messages.create({
				model,
				max_tokens: 800,
				tools: [{ type: 'code_execution_20260521', name: 'code_execution' }],
				messages: [{ role: 'user', content: 'What is (1234 + 766) * 3?' }]
			});
			const result = m.content.find(
				(b): b is Anthropic.BashCodeExecutionToolResultBlock =>
					b.type === 'bash_code_execution_tool_result'
			)!;
			expect(result.content).toMatchObject({
				type: 'bash_code_execution_result',
				stdout: '6000\n',
				stderr: '',
				return_code: 0
			});
		});

		it('round-trips a file: upload, list, metadata, download, use as a document, delete', async () => {
			const c = client();
			const body = `Minutes ${crypto.randomUUID()}. The budget for the bridge was approved.`;
			const meta = await c.files.upload({
				file: await toFile(Buffer.from(body), 'minutes.txt', { type: 'text/plain' })
			});
			expect(meta).toMatchObject({
				type: 'file',
				filename: 'minutes.txt',
				mime_type: 'text/plain',
				size_bytes: body.length,
				downloadable: false
			});
			const listed: string[] = [];
			for await (const f of c.files.list({ limit: 100 })) listed.push(f.id);
			expect(listed).toContain(meta.id);
			expect(await c.files.retrieveMetadata(meta.id)).toEqual(meta);
			// As on the real API, an upload is not downloadable; a file the sandbox wrote is.
			await expect(c.files.download(meta.id)).rejects.toMatchObject({
				status: 400,
				errorCode: 'file_not_downloadable'
			});
			const run = await c.messages.create({
				model,
				max_tokens: 500,
				tools: [{ type: 'code_execution_20250825', name: 'code_execution' }],
				messages: [{ role: 'user', content: 'Run echo "bridge budget" > budget.txt' }]
			});
			const made = run.content.find(
				(b): b is Anthropic.BashCodeExecutionToolResultBlock =>
					b.type === 'bash_code_execution_tool_result'
			)!;
			const fileId = (made.content as Anthropic.BashCodeExecutionResultBlock).content[0].file_id;
			expect(await (await c.files.download(fileId)).text()).toBe('bridge budget\n');

			const m = await c.messages.create({
				model,
				max_tokens: 500,
				messages: [
					{
						role: 'user',
						content: [
							{
								type: 'document',
								source: { type: 'file', file_id: meta.id },
								citations: { enabled: true }
							},
							{ type: 'text', text: 'What was approved for the bridge?' }
						]
					}
				]
			});
			expect(citationsOf(m)).toContainEqual(
				expect.objectContaining({
					type: 'char_location',
					file_id: meta.id,
					cited_text: 'The budget for the bridge was approved.'
				})
			);
			expect(await c.files.delete(meta.id)).toEqual({ id: meta.id, type: 'file_deleted' });
			await expect(c.files.retrieveMetadata(meta.id)).rejects.toBeInstanceOf(
				Anthropic.NotFoundError
			);
		});
	}
);

describe('file ownership through the app', () => {
	let apps: { name: string; app: AppProcess }[] = [];
	beforeAll(async () => {
		const trusted = { TRUSTED_USER_HEADER: 'x-forwarded-user', TRUSTED_PROXIES: '127.0.0.1' };
		const [sim, keyed] = await Promise.all([
			startApp(trusted),
			startApp({
				...trusted,
				ANTHROPIC_API_KEY: CANARY_KEY,
				ANTHROPIC_BASE_URL: inject('simulatorUrl')
			})
		]);
		apps = [
			{ name: 'simulator upstream', app: sim },
			{ name: 'real-key upstream', app: keyed }
		];
	});
	afterAll(async () => {
		await Promise.all(apps.map(({ app }) => app.stop()));
	});
	const as = (app: AppProcess, user: string) =>
		new Anthropic({
			baseURL: app.url + '/api',
			apiKey: 'sk-ant-client-side-key',
			maxRetries: 0,
			defaultHeaders: { 'x-forwarded-user': user }
		});

	it('shows, downloads and deletes a file only for the user who uploaded it', async () => {
		for (const { name, app } of apps) {
			const ada = as(app, 'ada');
			const bob = as(app, 'bob');
			const file = await ada.files.upload({
				file: await toFile(Buffer.from(`Ada's notes on ${name}.`), 'ada.txt', {
					type: 'text/plain'
				})
			});
			const bobs = await bob.files.upload({
				file: await toFile(Buffer.from('Bob was here.'), 'bob.txt', { type: 'text/plain' })
			});
			const adaList = (await ada.files.list()).data.map((f) => f.id);
			expect(adaList, name).toContain(file.id);
			expect(adaList, name).not.toContain(bobs.id);
			expect(
				(await bob.files.list()).data.map((f) => f.id),
				name
			).not.toContain(file.id);
			await expect(bob.files.retrieveMetadata(file.id), name).rejects.toBeInstanceOf(
				Anthropic.NotFoundError
			);
			await expect(bob.files.delete(file.id), name).rejects.toBeInstanceOf(Anthropic.NotFoundError);
			await expect(bob.files.download(file.id), name).rejects.toBeInstanceOf(
				Anthropic.NotFoundError
			);
			await expect(ada.files.download(file.id), name).rejects.toMatchObject({
				status: 400,
				errorCode: 'file_not_downloadable'
			});
			expect(await ada.files.retrieveMetadata(file.id), name).toMatchObject({
				id: file.id,
				filename: 'ada.txt'
			});
			expect(await ada.files.delete(file.id), name).toEqual({ id: file.id, type: 'file_deleted' });
		}
	});
});
