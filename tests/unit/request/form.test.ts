import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL } from '$lib/catalog';
import {
	bodyToForm,
	defaultForm,
	formToBody,
	type ImageForm,
	type ToolResultForm
} from '$lib/request/form';

const PNG =
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** A body with every block type the form edits, cache markers, and fields it does not know. */
const everyBlock = {
	model: 'claude-3-5-sonnet-20241022',
	max_tokens: 512,
	system: [
		{ type: 'text', text: 'You are terse.', cache_control: { type: 'ephemeral' } },
		{ type: 'text', text: 'Second block' }
	],
	messages: [
		{
			role: 'user',
			content: [
				{
					type: 'text',
					text: 'What is in this image?',
					cache_control: { type: 'ephemeral', ttl: '1h' }
				},
				{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG } }
			]
		},
		{
			role: 'assistant',
			content: [
				{ type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { location: 'Paris' } }
			]
		},
		{
			role: 'user',
			content: [
				{ type: 'tool_result', tool_use_id: 'toolu_1', content: '18°C', is_error: false },
				{
					type: 'tool_result',
					tool_use_id: 'toolu_2',
					content: [
						{ type: 'text', text: 'nested' },
						{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG } }
					]
				},
				{ type: 'tool_result', tool_use_id: 'toolu_3' },
				{
					type: 'document',
					source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0=' }
				},
				{ type: 'future_block', payload: 1 }
			]
		},
		{ role: 'assistant', content: 'Plain string turn' }
	],
	tools: [
		{ name: 'get_weather', input_schema: { type: 'object' }, cache_control: { type: 'ephemeral' } },
		{ type: 'bash_20241022', name: 'bash' }
	],
	tool_choice: { type: 'auto' },
	temperature: 0.5,
	top_k: 40,
	top_p: 0.9,
	stop_sequences: ['END', 'STOP'],
	metadata: { user_id: 'u-1', team: 'x' },
	stream: false,
	some_future_field: { nested: [1, 2] }
};

describe('form <-> body mapping', () => {
	it('round-trips a body with every block type unchanged, key order included', () => {
		const back = formToBody(bodyToForm(everyBlock));
		expect(back).toEqual(everyBlock);
		expect(JSON.stringify(back)).toBe(JSON.stringify(everyBlock));
	});

	it('maps each block type to its form kind', () => {
		const form = bodyToForm(everyBlock);
		expect(form.messages.map((m) => m.blocks.map((b) => b.kind))).toEqual([
			['text', 'image'],
			['tool_use'],
			['tool_result', 'tool_result', 'tool_result', 'document', 'raw'],
			['text']
		]);
		const image = form.messages[0].blocks[1] as ImageForm;
		expect(image).toMatchObject({ mediaType: 'image/png', data: PNG, cache: null });
		expect(form.messages[0].blocks[0]).toMatchObject({ cache: { type: 'ephemeral', ttl: '1h' } });
		const nested = (form.messages[2].blocks[1] as ToolResultForm).content;
		expect(Array.isArray(nested) && nested.map((b) => b.kind)).toEqual(['text', 'image']);
		expect(form.extra).toEqual({
			tool_choice: { type: 'auto' },
			some_future_field: { nested: [1, 2] }
		});
	});

	it('round-trips each block type on its own', () => {
		for (const block of everyBlock.messages.flatMap((m): unknown[] =>
			Array.isArray(m.content) ? m.content : []
		)) {
			const body = { model: 'm', max_tokens: 1, messages: [{ role: 'user', content: [block] }] };
			expect(formToBody(bodyToForm(body))).toEqual(body);
		}
	});

	it('round-trips the form through the body (form -> body -> form)', () => {
		const form = bodyToForm(everyBlock);
		expect(bodyToForm(formToBody(form))).toEqual(form);
	});

	it('keeps wrongly typed known fields verbatim instead of dropping them', () => {
		const body = {
			model: 42,
			max_tokens: 'lots',
			messages: 'hi',
			temperature: 2,
			system: [{ type: 'image' }]
		};
		const form = bodyToForm(body);
		expect(form.params.maxTokens).toBeUndefined();
		expect(form.messages).toEqual([]);
		expect(formToBody(form)).toEqual(body);
	});

	it('holds a block in its editor only when the content schema accepts its fields, else keeps it raw', () => {
		const kinds = (content: unknown[]) =>
			bodyToForm({ messages: [{ role: 'user', content }] }).messages[0].blocks.map((b) => b.kind);
		const image = (data: string, media_type = 'image/png') => ({
			type: 'image',
			source: { type: 'base64', media_type, data }
		});
		expect(kinds([image(PNG), image('not base64!'), image(PNG, 'image/bmp')])).toEqual([
			'image',
			'raw',
			'raw'
		]);
		const cached = (ttl: string) => ({
			type: 'text',
			text: 'a',
			cache_control: { type: 'ephemeral', ttl }
		});
		expect(kinds([cached('1h'), cached('2h')])).toEqual(['text', 'raw']);
		// Ids and names may be empty while they are being typed; the lint names the problem.
		expect(kinds([{ type: 'tool_use', id: '', name: '', input: {} }])).toEqual(['tool_use']);
		expect(kinds([{ type: 'tool_use', id: 't', name: 'n', input: 'x' }])).toEqual(['raw']);
	});

	it('writes a single plain text block as a string, and an array once it has more', () => {
		const form = defaultForm();
		form.messages[0].blocks[0] = { kind: 'text', text: 'Hi', cache: null, extra: {} };
		expect(formToBody(form).messages).toEqual([{ role: 'user', content: 'Hi' }]);
		form.messages[0].blocks[0] = {
			kind: 'text',
			text: 'Hi',
			cache: { type: 'ephemeral' },
			extra: {}
		};
		expect(formToBody(form).messages).toEqual([
			{
				role: 'user',
				content: [{ type: 'text', text: 'Hi', cache_control: { type: 'ephemeral' } }]
			}
		]);
	});

	it('gives a user message with an empty prompt for a fresh form', () => {
		expect(formToBody(defaultForm())).toEqual({
			model: DEFAULT_MODEL,
			max_tokens: 1024,
			messages: [{ role: 'user', content: '' }],
			stream: true
		});
	});
});
