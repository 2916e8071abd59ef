import Anthropic, { toFile } from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { inProcessSimulator } from '../../../support/in-process-sim';
import { makePdf } from '../../../support/pdf';
import { png } from '../../../support/images';
import type { Simulator } from '../../../../src/lib/server/simulator/app';

const model = 'claude-sonnet-4-6';
async function put(
	client: Anthropic,
	name: string,
	body: string | Uint8Array,
	type = 'text/plain'
) {
	return client.files.upload({ file: await toFile(Buffer.from(body), name, { type }) });
}

describe('Files API on the simulator', () => {
	it('uploads, lists, reads metadata, refuses to download an upload, deletes', async () => {
		const { client } = inProcessSimulator();
		const c = client();
		const meta = await put(c, 'notes.txt', 'Meeting notes. The budget was approved.');
		expect(meta).toMatchObject({
			type: 'file',
			filename: 'notes.txt',
			mime_type: 'text/plain',
			size_bytes: 39,
			downloadable: false,
			expires_at: null
		});
		expect(meta.id).toMatch(/^file_011C/);
		expect(Date.parse(meta.created_at)).not.toBeNaN();
		expect(await c.files.retrieveMetadata(meta.id)).toEqual(meta);
		const page = await c.files.list();
		expect(page.data.map((f) => f.id)).toEqual([meta.id]);
		const refused = await c.files.download(meta.id).catch((e) => e);
		expect(refused).toBeInstanceOf(Anthropic.BadRequestError);
		expect(refused.errorCode).toBe('file_not_downloadable');
		expect(await c.files.delete(meta.id)).toEqual({ id: meta.id, type: 'file_deleted' });
		await expect(c.files.retrieveMetadata(meta.id)).rejects.toBeInstanceOf(Anthropic.NotFoundError);
		await expect(c.files.delete(meta.id)).rejects.toBeInstanceOf(Anthropic.NotFoundError);
		expect((await c.files.list()).data).toEqual([]);
	});

	it('downloads a file the code execution tool wrote', async () => {
		const { client } = inProcessSimulator();
		const c = client();
		const m = await c.messages.create({
			model,
			max_tokens: 500,
			tools: [{ type: 'code_execution_20250825', name: 'code_execution' }],
			messages: [{ role: 'user', content: 'Run echo "quarterly totals" > totals.txt' }]
		});
		const result = m.content.find(
			(b) => b.type === 'bash_code_execution_tool_result'
		) as Anthropic.BashCodeExecutionToolResultBlock;
		const [output] = (result.content as Anthropic.BashCodeExecutionResultBlock).content;
		const meta = await c.files.retrieveMetadata(output.file_id);
		expect(meta).toMatchObject({ filename: 'totals.txt', downloadable: true });
		expect(await (await c.files.download(output.file_id)).text()).toBe('quarterly totals\n');
	});

	it('keeps files across a restart', async () => {
		const first = inProcessSimulator();
		const meta = await put(first.client(), 'keep.txt', 'Still here after a restart.');
		const second = inProcessSimulator({ dataDir: first.dataDir });
		expect(await second.client().files.retrieveMetadata(meta.id)).toEqual(meta);
		expect((await second.client().files.list()).data.map((f) => f.id)).toEqual([meta.id]);
	});

	it('pages with next_page, and in the beta shape with after_id/before_id', async () => {
		const sim = inProcessSimulator();
		const { client } = sim;
		const c = client();
		const ids: string[] = [];
		for (let i = 0; i < 5; i++) ids.unshift((await put(c, `f${i}.txt`, `file number ${i}`)).id);
		const pages: string[][] = [];
		let page = await c.files.list({ limit: 2 });
		pages.push(page.data.map((f) => f.id));
		while (page.hasNextPage()) {
			page = await page.getNextPage();
			pages.push(page.data.map((f) => f.id));
		}
		expect(pages).toEqual([ids.slice(0, 2), ids.slice(2, 4), ids.slice(4)]);
		expect(
			(await c.files.list({ ids: [ids[1], ids[3], 'file_gone'] })).data.map((f) => f.id)
		).toEqual([ids[1], ids[3]]);

		const beta = async (query: string) => {
			const r = await fetchFrom(sim, `/v1/files?${query}`, {
				'anthropic-beta': 'files-api-2025-04-14'
			});
			return (await r.json()) as {
				data: { id: string }[];
				has_more: boolean;
				first_id: string;
				last_id: string;
			};
		};
		const one = await beta('limit=2');
		expect(one).toMatchObject({ has_more: true, first_id: ids[0], last_id: ids[1] });
		const two = await beta(`limit=2&after_id=${ids[1]}`);
		expect(two.data.map((f) => f.id)).toEqual(ids.slice(2, 4));
		const back = await beta(`limit=2&before_id=${ids[2]}`);
		expect(back.data.map((f) => f.id)).toEqual(ids.slice(0, 2));
		expect(back.has_more).toBe(false);
		const bad = await fetchFrom(sim, '/v1/files?page=garbage');
		expect(bad.status).toBe(400);
	});

	it('refuses an oversized upload with 413, and bad uploads with 400', async () => {
		const sim = inProcessSimulator({ maxFileBytes: 1024 });
		const { client } = sim;
		const c = client();
		const big = await c.files
			.upload({ file: await toFile(Buffer.alloc(2048, 'a'), 'big.txt') })
			.catch((e) => e);
		expect(big.status).toBe(413);
		expect(big.error).toMatchObject({ type: 'error', error: { type: 'request_too_large' } });
		const notMultipart = await fetchFrom(
			sim,
			'/v1/files',
			{},
			{ method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }
		);
		expect(notMultipart.status).toBe(400);
		const form = new FormData();
		form.set('other', 'x');
		const noFile = await fetchFrom(sim, '/v1/files', {}, { method: 'POST', body: form });
		expect(noFile.status).toBe(400);
		expect(await noFile.json()).toMatchObject({
			error: { message: expect.stringContaining('file') }
		});
	});

	it('uses a file as a document source, with citations naming the file', async () => {
		const { client } = inProcessSimulator();
		const c = client();
		const text = await put(c, 'report.txt', 'Sales rose in March. Costs fell in April.');
		const pdf = await put(
			c,
			'pages.pdf',
			await makePdf(['The cover page.', 'Revenue doubled this year.']),
			'application/pdf'
		);
		const m = await c.messages.create({
			model,
			max_tokens: 500,
			messages: [
				{
					role: 'user',
					content: [
						{
							type: 'document',
							source: { type: 'file', file_id: text.id },
							citations: { enabled: true }
						},
						{
							type: 'document',
							source: { type: 'file', file_id: pdf.id },
							citations: { enabled: true }
						},
						{ type: 'text', text: 'What happened to costs and revenue?' }
					]
				}
			]
		});
		const cites = m.content.flatMap((b) => (b.type === 'text' ? (b.citations ?? []) : []));
		expect(cites).toContainEqual(
			expect.objectContaining({
				type: 'char_location',
				file_id: text.id,
				document_title: 'report.txt',
				cited_text: 'Costs fell in April.'
			})
		);
		expect(cites).toContainEqual(
			expect.objectContaining({
				type: 'page_location',
				file_id: pdf.id,
				start_page_number: 2,
				cited_text: 'Revenue doubled this year.'
			})
		);
	});

	it('prices an image file from its real size, and refuses unknown file ids with 400', async () => {
		const { client } = inProcessSimulator();
		const c = client();
		const image = await put(c, 'pic.png', png(200, 100), 'image/png');
		const count = (id: string) =>
			c.messages.countTokens({
				model,
				messages: [
					{
						role: 'user',
						content: [
							{ type: 'image', source: { type: 'file', file_id: id } },
							{ type: 'text', text: 'Describe' }
						]
					}
				]
			});
		const base64 = await c.messages.countTokens({
			model,
			messages: [
				{
					role: 'user',
					content: [
						{
							type: 'image',
							source: {
								type: 'base64',
								media_type: 'image/png',
								data: Buffer.from(png(200, 100)).toString('base64')
							}
						},
						{ type: 'text', text: 'Describe' }
					]
				}
			]
		});
		expect((await count(image.id)).input_tokens).toBe(base64.input_tokens);
		await expect(count('file_011CMissing')).rejects.toMatchObject({
			status: 400,
			message: expect.stringContaining('messages.0.content.0.source.file_id')
		});
	});
});

/** A raw request to the in-process simulator, for what the SDK cannot send (beta list shape, bad bodies). */
function fetchFrom(
	sim: { simulator: Simulator },
	path: string,
	headers: Record<string, string> = {},
	init: RequestInit = {}
) {
	return sim.simulator.fetch(
		new Request(`http://simulator.invalid${path}`, {
			...init,
			headers: {
				'x-api-key': 'k',
				'anthropic-version': '2023-06-01',
				...headers,
				...(init.headers as Record<string, string>)
			}
		})
	);
}
