import { describe, expect, it } from 'vitest';
import { bodyToForm, defaultForm, formToBody, type SourceBlockForm } from '$lib/request/form';
import { analyzeRequest } from '$lib/request/lint';
import { defaultModel, groupModels, modelStatus, type ListedModel } from '$lib/request/model-list';
import {
	dropSampling,
	readEffort,
	readThinking,
	setEffort,
	setOutputSchema,
	setStrictTools,
	setThinking
} from '$lib/request/options';
import {
	newDocument,
	readDocument,
	withCitations,
	withOptional,
	withSource
} from '$lib/request/documents';
import { versionProblems } from '$lib/request/versions';

const model = (
	id: string,
	line: string,
	created: string,
	lifecycle: ListedModel['lifecycle'] = 'active',
	retires: string | null = null
): ListedModel => ({
	id,
	display_name: id,
	created_at: created,
	line,
	lifecycle,
	retires_at: retires
});
const LIST = [
	model('claude-sonnet-4-5', 'sonnet', '2025-09-29', 'deprecated', '2026-12-01'),
	model('claude-sonnet-5-5', 'sonnet', '2026-09-01'),
	model('claude-opus-5-5', 'opus', '2026-08-01'),
	model('claude-3-5-haiku-20241022', 'haiku', '2024-10-22', 'retired', '2026-02-19'),
	model('claude-haiku-5-5', 'haiku', '2026-07-01')
];

describe('model list', () => {
	it('groups offered models by line, newest first, and leaves retired ones out', () => {
		const groups = groupModels(LIST);
		expect(groups.map((g) => [g.label, g.models.map((m) => m.id)])).toEqual([
			['Opus', ['claude-opus-5-5']],
			['Sonnet', ['claude-sonnet-5-5', 'claude-sonnet-4-5']],
			['Haiku', ['claude-haiku-5-5']]
		]);
	});
	it('defaults to the newest active Sonnet', () => {
		expect(defaultModel(LIST)).toBe('claude-sonnet-5-5');
	});
	it('says when a model is retired, deprecated or not listed', () => {
		expect(modelStatus('claude-3-5-haiku-20241022', LIST)).toEqual({
			kind: 'retired',
			retiredAt: '2026-02-19'
		});
		expect(modelStatus('claude-sonnet-4-5', LIST)).toEqual({
			kind: 'deprecated',
			retiresAt: '2026-12-01'
		});
		expect(modelStatus('claude-2', LIST).kind).toBe('unknown');
		expect(modelStatus('claude-2', []).kind).toBe('ok');
	});
});

describe('API version rules', () => {
	const body = {
		model: 'm',
		max_tokens: 10,
		temperature: 0.5,
		messages: [
			{
				role: 'user',
				content: [{ type: 'text', text: 'hi', citations: [{ type: 'char_location' }] }]
			},
			{
				role: 'assistant',
				content: [
					{ type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'x' } }
				]
			}
		]
	};
	it('flags sampling params, assistant documents and user citations under 2026-10-21 only', () => {
		expect(versionProblems(body, '2026-10-21').map((p) => p.path.join('.'))).toEqual([
			'temperature',
			'messages.0.content.0.citations',
			'messages.1.content.0'
		]);
		expect(versionProblems(body, '2023-06-01')).toEqual([]);
	});
	it('lint reports them with the field path before sending', () => {
		const text = JSON.stringify(
			{ model: 'm', max_tokens: 10, top_k: 5, messages: [{ role: 'user', content: 'hi' }] },
			null,
			2
		);
		const [d] = analyzeRequest(text, '2026-10-21').diagnostics;
		expect(d.path).toBe('top_k');
		expect(d.message).toMatch(/not accepted under API version 2026-10-21/);
		expect(analyzeRequest(text, '2023-06-01').diagnostics).toEqual([]);
	});
	it('dropSampling removes temperature, top_p and top_k', () => {
		const form = bodyToForm({ ...body, top_p: 0.9, top_k: 3 });
		dropSampling(form);
		expect(Object.keys(formToBody(form))).not.toContain('temperature');
		expect(Object.keys(formToBody(form))).not.toContain('top_k');
	});
});

describe('thinking, effort, output format', () => {
	it('writes each thinking mode in the SDK shape', () => {
		const f = defaultForm();
		setThinking(f, { mode: 'enabled', budget: 2048, display: 'omitted' });
		expect(formToBody(f).thinking).toEqual({
			type: 'enabled',
			budget_tokens: 2048,
			display: 'omitted'
		});
		setThinking(f, { ...readThinking(f), mode: 'adaptive', display: 'summarized' });
		expect(formToBody(f).thinking).toEqual({ type: 'adaptive', display: 'summarized' });
		setThinking(f, { ...readThinking(f), mode: 'between_tools' });
		expect(formToBody(f).thinking).toEqual({ type: 'between_tools' });
		setThinking(f, { ...readThinking(f), mode: 'unset' });
		expect(formToBody(f)).not.toHaveProperty('thinking');
	});
	it('keeps effort and format side by side in output_config', () => {
		const f = defaultForm();
		setEffort(f, 'xhigh');
		setOutputSchema(f, { type: 'object' });
		expect(formToBody(f).output_config).toEqual({
			effort: 'xhigh',
			format: { type: 'json_schema', schema: { type: 'object' } }
		});
		expect(readEffort(f)).toBe('xhigh');
		setEffort(f, 'unset');
		setOutputSchema(f, null);
		expect(formToBody(f)).not.toHaveProperty('output_config');
	});
	it('switches strict on custom tools only', () => {
		const f = bodyToForm({
			model: 'm',
			max_tokens: 5,
			messages: [],
			tools: [
				{ name: 'a', input_schema: { type: 'object' } },
				{ type: 'bash_20250124', name: 'bash' }
			]
		});
		setStrictTools(f, true);
		expect(formToBody(f).tools).toEqual([
			{ name: 'a', input_schema: { type: 'object' }, strict: true },
			{ type: 'bash_20250124', name: 'bash' }
		]);
	});
});

describe('document blocks', () => {
	it('round-trips a document through the form and edits its fields', () => {
		const block = {
			type: 'document',
			source: { type: 'file', file_id: 'file_1' },
			title: 'T',
			citations: { enabled: true }
		};
		const form = bodyToForm({
			model: 'm',
			max_tokens: 5,
			messages: [{ role: 'user', content: [block] }]
		});
		const doc = form.messages[0].blocks[0] as SourceBlockForm;
		expect(doc.kind).toBe('document');
		expect(readDocument(doc.extra)).toMatchObject({
			source: 'file',
			fileId: 'file_1',
			title: 'T',
			citations: true
		});
		doc.extra = withSource(withCitations(withOptional(doc.extra, 'context', 'ctx'), false), 'url', {
			url: 'https://x.test/a.pdf'
		});
		expect((formToBody(form).messages as { content: unknown[] }[])[0].content[0]).toEqual({
			type: 'document',
			source: { type: 'url', url: 'https://x.test/a.pdf' },
			title: 'T',
			citations: { enabled: false },
			context: 'ctx'
		});
	});
	it('a new document is plain text with citations on', () => {
		expect(newDocument().extra).toEqual({
			source: { type: 'text', media_type: 'text/plain', data: '' },
			citations: { enabled: true }
		});
	});
});
