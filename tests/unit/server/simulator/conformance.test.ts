import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MessageSchema, StreamEventSchema } from '$lib/schemas';
import { createSimulator } from '$lib/server/simulator/app';

/**
 * The simulator against real recorded traffic (../shared/fixtures/recorded, see its SOURCES.md):
 * for the same requests, the same event order and every field the real API sent, per event,
 * block and delta type; and everything it sends parses with our response schemas.
 */
const DIR = join(process.cwd(), '..', 'shared', 'fixtures', 'recorded');
const read = (name: string) => readFileSync(join(DIR, name), 'utf8');
type Json = Record<string, any>;

function sseEvents(text: string): Json[] {
	return text
		.split(/\r?\n/)
		.filter((l) => l.startsWith('data:'))
		.map((l) => JSON.parse(l.slice(5)));
}

const sim = createSimulator({
	tokensPerSecond: 0,
	seed: 'conformance',
	now: () => Date.parse('2026-11-30T12:00:00Z')
});
async function simulate(
	body: Json,
	version = '2023-06-01'
): Promise<{ status: number; text: string }> {
	const res = await sim.fetch(
		new Request('http://sim/v1/messages', {
			method: 'POST',
			headers: {
				'x-api-key': 'k',
				'anthropic-version': version,
				'content-type': 'application/json'
			},
			body: JSON.stringify(body)
		})
	);
	return { status: res.status, text: await res.text() };
}

/** The event order with runs of the same delta collapsed: `content_block_delta:text_delta+`. */
function order(events: Json[]): string[] {
	const out: string[] = [];
	for (const e of events) {
		const step =
			e.type === 'content_block_start'
				? `content_block_start:${e.content_block.type}`
				: e.type === 'content_block_delta'
					? `content_block_delta:${e.delta.type}+`
					: e.type;
		if (out[out.length - 1] !== step || !step.endsWith('+')) out.push(step);
	}
	return out;
}

/** Field names per event, block and delta type (and of the message, its usage, the final delta). */
function fields(events: Json[]): Map<string, Set<string>> {
	const out = new Map<string, Set<string>>();
	const add = (key: string, obj: Json | null | undefined) => {
		if (!obj || typeof obj !== 'object') return;
		const set = out.get(key) ?? new Set<string>();
		for (const k of Object.keys(obj)) set.add(k);
		out.set(key, set);
	};
	for (const e of events) {
		add(e.type, e);
		if (e.type === 'message_start') {
			add('message_start.message', e.message);
			add('message_start.message.usage', e.message.usage);
		}
		if (e.type === 'content_block_start') add(`block:${e.content_block.type}`, e.content_block);
		if (e.type === 'content_block_delta') add(`delta:${e.delta.type}`, e.delta);
		if (e.type === 'message_delta') {
			add('message_delta.delta', e.delta);
			add('message_delta.usage', e.usage);
		}
	}
	return out;
}

function expectFieldsCover(
	ours: Map<string, Set<string>>,
	real: Map<string, Set<string>>,
	only?: (key: string) => boolean
) {
	for (const [key, names] of real) {
		if (only && !only(key)) continue;
		expect(ours.has(key), `the simulator never sent ${key}`).toBe(true);
		const missing = [...names].filter((n) => !ours.get(key)!.has(n));
		expect(missing, `${key} lacks fields the API sends`).toEqual([]);
	}
}

const STREAMS: [string, string, string][] = [
	['text', 'stream-text-ping.sse', 'request-stream-text.json'],
	['thinking', 'stream-thinking.sse', 'request-stream-thinking.json'],
	['tool use', 'stream-tool-use.sse', 'request-stream-tool-use.json']
];

describe('streams match the recorded real ones', () => {
	it.each(STREAMS)('%s: same event order and fields', async (kind, sse, request) => {
		const real = sseEvents(read(sse));
		const { status, text } = await simulate(JSON.parse(read(request)));
		expect(status).toBe(200);
		const ours = sseEvents(text);
		for (const e of [...ours, ...real])
			expect(StreamEventSchema.safeParse(e).success, JSON.stringify(e)).toBe(true);
		if (kind === 'tool use') {
			// Under `auto` the model may say a sentence first (the recording did not): compare without
			// that text block; the one ping still follows the first block, whichever it is.
			const withoutPreamble = (xs: string[]) => {
				const rest = xs.filter((x) => x !== 'ping');
				return rest[1] === 'content_block_start:text' ? [rest[0], ...rest.slice(4)] : rest;
			};
			expect(withoutPreamble(order(ours))).toEqual(withoutPreamble(order(real)));
			expect(order(ours).slice(0, 3)).toEqual(['message_start', order(ours)[1], 'ping']);
			expect(order(ours).filter((x) => x === 'ping')).toHaveLength(1);
		} else {
			expect(order(ours)).toEqual(order(real));
		}
		expectFieldsCover(fields(ours), fields(real));
	});

	it('carries the fields of the newer recordings (server tools, cache reads) where the simulator has them', async () => {
		const real = [
			...sseEvents(read('stream-tool-use-input-json-delta.sse')),
			...sseEvents(read('stream-cache-read-compaction.sse'))
		];
		const ours = sseEvents(
			(
				await simulate({
					model: 'claude-sonnet-4-6',
					max_tokens: 500,
					stream: true,
					messages: [{ role: 'user', content: 'Say hi' }]
				})
			).text
		);
		expectFieldsCover(fields(ours), fields(real), (k) =>
			[
				'message_start.message',
				'message_start.message.usage',
				'message_delta.delta',
				'block:text',
				'delta:text_delta',
				'ping',
				'message_stop'
			].includes(k)
		);
		const usage = fields(ours).get('message_delta.usage')!;
		for (const k of [
			'input_tokens',
			'cache_creation_input_tokens',
			'cache_read_input_tokens',
			'output_tokens'
		])
			expect(usage.has(k), k).toBe(true);
	});
});

describe('non-streamed messages match the recorded real ones', () => {
	const keys = (o: Json) => Object.keys(o).sort();
	it.each([
		[
			'message-text.json',
			{
				model: 'claude-haiku-4-5',
				max_tokens: 100,
				system: 'Be brief.',
				messages: [{ role: 'user', content: 'What is the capital of France?' }]
			}
		],
		[
			'message-cache-read-and-creation.json',
			{
				model: 'claude-sonnet-4-6',
				max_tokens: 100,
				messages: [{ role: 'user', content: 'Describe Python' }]
			}
		],
		['message-tool-use-parallel.json', JSON.parse(read('request-message-tool-use-parallel.json'))]
	])('%s: every field the API sent, in message, usage and blocks', async (file, request) => {
		const real = JSON.parse(read(file));
		const { status, text } = await simulate({ ...request, stream: false });
		expect(status).toBe(200);
		const ours = JSON.parse(text);
		expect(MessageSchema.safeParse(ours).success).toBe(true);
		expect(MessageSchema.safeParse(real).success).toBe(true);
		expect(keys(real).filter((k) => !(k in ours))).toEqual([]);
		expect(keys(real.usage).filter((k) => !(k in ours.usage))).toEqual([]);
		for (const block of real.content) {
			const same = ours.content.find((b: Json) => b.type === block.type);
			if (same) expect(keys(block).filter((k) => !(k in same))).toEqual([]);
		}
	});

	it('batch result lines carry the fields of the newer recorded line, on the batch tier', async () => {
		const real = JSON.parse(read('batch-results-succeeded-newer-fields.jsonl').trim()).result
			.message;
		const ours = JSON.parse(
			(
				await simulate({
					model: 'claude-haiku-4-5',
					max_tokens: 50,
					messages: [{ role: 'user', content: 'Hello' }]
				})
			).text
		);
		expect(Object.keys(real).filter((k) => !(k in ours) && k !== 'diagnostics')).toEqual([]);
		expect(Object.keys(real.usage).filter((k) => !(k in ours.usage))).toEqual([]);
	});
});

describe('every kind of answer parses with the response schemas, streamed and not', () => {
	const tool = {
		name: 'get_weather',
		description: 'Weather',
		input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }
	};
	const kinds: [string, Json][] = [
		['text', {}],
		['tools', { tools: [tool], tool_choice: { type: 'any' } }],
		['thinking', { model: 'claude-sonnet-5', thinking: { type: 'enabled', budget_tokens: 1024 } }],
		[
			'adaptive, omitted',
			{ model: 'claude-sonnet-5', thinking: { type: 'adaptive', display: 'omitted' } }
		],
		[
			'structured',
			{
				output_config: {
					format: {
						type: 'json_schema',
						schema: { type: 'object', properties: { a: { type: 'integer' } }, required: ['a'] }
					}
				}
			}
		],
		['max_tokens 0', { max_tokens: 0 }]
	];
	it.each(kinds)('%s', async (_kind, extra) => {
		const body = {
			model: 'claude-opus-5',
			max_tokens: 3000,
			messages: [{ role: 'user', content: 'Weather in Paris and Rome?' }],
			...extra
		};
		const plain = await simulate(body, '2026-10-21');
		expect(plain.status, plain.text).toBe(200);
		expect(MessageSchema.safeParse(JSON.parse(plain.text)).error).toBeUndefined();
		const streamed = sseEvents((await simulate({ ...body, stream: true }, '2026-10-21')).text);
		for (const e of streamed)
			expect(StreamEventSchema.safeParse(e).error, JSON.stringify(e)).toBeUndefined();
		expect(streamed.at(-1)!.type).toBe('message_stop');
	});
});
