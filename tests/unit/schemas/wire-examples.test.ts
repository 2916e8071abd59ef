import { describe, expect, it } from 'vitest';
import {
	BatchResultLineSchema,
	ErrorBodySchema,
	MessageBatchSchema,
	MessageCreateParamsSchema,
	MessageSchema,
	StreamEventSchema,
	describeIssues
} from '$lib/schemas';
import { recorded, recordedFiles, recordedJson, sseEvents } from '../../support/fixtures';

describe('schemas accept the recorded real API traffic', () => {
	it.each(recordedFiles('.sse'))(
		'every event of %s parses, unknown ones kept untouched',
		(file) => {
			const events = sseEvents(recorded(file));
			expect(events.length).toBeGreaterThan(3);
			for (const { event, data } of events) {
				const json = JSON.parse(data);
				expect(json.type).toBe(event);
				const parsed = StreamEventSchema.safeParse(json);
				expect(parsed.success, `${file}: ${data}`).toBe(true);
				expect(parsed.data).toEqual(json);
			}
		}
	);

	it.each([
		'message-text.json',
		'message-tool-use-parallel.json',
		'message-cache-read-and-creation.json'
	])('%s is a Message', (file) => {
		const json = recordedJson(file);
		expect(MessageSchema.parse(json)).toEqual(json);
	});

	it.each(recordedFiles('.jsonl'))('every line of %s is a batch result line', (file) => {
		const lines = recorded(file).split('\n').filter(Boolean);
		for (const line of lines)
			expect(BatchResultLineSchema.safeParse(JSON.parse(line)).success).toBe(true);
	});

	it.each(recordedFiles('.json').filter((f) => f.startsWith('error-') && !f.includes('headers')))(
		'%s is an error body',
		(file) => {
			expect(ErrorBodySchema.safeParse(recordedJson(file)).success).toBe(true);
		}
	);

	it('the in-progress batch is a MessageBatch', () => {
		expect(MessageBatchSchema.safeParse(recordedJson('batch-in-progress-curl.json')).success).toBe(
			true
		);
	});

	it.each(recordedFiles('.json').filter((f) => f.startsWith('request-')))(
		'the recorded request %s is accepted',
		(file) => {
			const body = recordedJson<Record<string, unknown>>(file);
			const parsed = MessageCreateParamsSchema.safeParse(body);
			expect(parsed.success, parsed.success ? '' : describeIssues(parsed.error)).toBe(true);
			expect(parsed.data).toEqual(body);
		}
	);
});

describe('schemas accept the wire-facts examples', () => {
	it('parses a tool-using message, keeping newer fields', () => {
		const msg = {
			id: 'msg_01AbCdEfGhIjKlMnOpQrStUv',
			type: 'message',
			role: 'assistant',
			model: 'claude-3-5-sonnet-20241022',
			content: [
				{ type: 'text', text: 'Let me check the weather.' },
				{
					type: 'tool_use',
					id: 'toolu_01XyZ0123456789abcdefGH',
					name: 'get_weather',
					input: { city: 'Paris' }
				},
				{ type: 'web_search_tool_result', tool_use_id: 'srvtoolu_1', content: [] }
			],
			stop_reason: 'tool_use',
			stop_sequence: null,
			usage: {
				input_tokens: 412,
				output_tokens: 57,
				cache_creation_input_tokens: 0,
				cache_read_input_tokens: 0,
				service_tier: 'standard'
			}
		};
		expect(MessageSchema.parse(msg)).toEqual(msg);
	});

	it('parses every event of examples A and B and the error event', () => {
		const events = [
			{ type: 'ping' },
			{
				type: 'content_block_start',
				index: 1,
				content_block: { type: 'tool_use', id: 'toolu_01', name: 'get_weather', input: {} }
			},
			{
				type: 'content_block_delta',
				index: 1,
				delta: { type: 'input_json_delta', partial_json: '' }
			},
			{ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hi' } },
			{ type: 'content_block_stop', index: 0 },
			{
				type: 'message_delta',
				delta: { stop_reason: 'end_turn', stop_sequence: null },
				usage: { output_tokens: 6 }
			},
			{ type: 'message_stop' },
			{ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
			{ type: 'brand_new_event', anything: [1, 2] }
		];
		for (const e of events) expect(StreamEventSchema.parse(e)).toEqual(e);
	});

	it('parses batch result lines of every type', () => {
		const lines = [
			{
				custom_id: 'row-1',
				result: {
					type: 'errored',
					error: {
						type: 'error',
						error: { type: 'invalid_request_error', message: 'max_tokens: ...' }
					}
				}
			},
			{ custom_id: 'row-3', result: { type: 'canceled' } },
			{ custom_id: 'row-4', result: { type: 'expired' } }
		];
		for (const l of lines) expect(BatchResultLineSchema.parse(l)).toEqual(l);
	});
});
