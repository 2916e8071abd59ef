// The accumulator claims to build the Message the way the official SDK's MessageStream does.
// Both are fed the very same bytes of every recorded real stream in one-byte chunks (a split at
// every byte) and must end with equal messages; ours is then also fed two chunks split at every
// offset (the SDK's parse is already shown not to depend on chunking). The beta stream helper is
// the reference: it is the superset (compaction blocks, usage iterations) of the non-beta one.
// The gateway's usage tap, which merges message_delta usage with the same function, must report
// the same usage as the SDK.
import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { readSse } from '$lib/client/sse';
import { MessageAccumulator } from '$lib/response/accumulator';
import type { Usage } from '$lib/schemas/usage';
import { sseUsageTap } from '$lib/server/guard/usage-tap';
import { recorded, recordedFiles } from '../../support/fixtures';

/** A body that delivers `bytes` in the given chunks. */
function body(bytes: Uint8Array, cuts: number[]): ReadableStream<Uint8Array> {
	const bounds = [0, ...cuts, bytes.length];
	return new ReadableStream({
		start(c) {
			for (let i = 1; i < bounds.length; i++)
				if (bounds[i] > bounds[i - 1]) c.enqueue(bytes.slice(bounds[i - 1], bounds[i]));
			c.close();
		}
	});
}

async function ours(bytes: Uint8Array, cuts: number[]) {
	const acc = new MessageAccumulator();
	await readSse(body(bytes, cuts), 0, { onEvent: (e) => acc.apply(e.event, e.data) });
	return acc.snapshot();
}

async function sdk(bytes: Uint8Array, cuts: number[]) {
	const client = new Anthropic({
		apiKey: 'sk-ant-test-not-a-key',
		baseURL: 'http://sdk.test',
		maxRetries: 0,
		fetch: async () =>
			new Response(body(bytes, cuts), { headers: { 'content-type': 'text/event-stream' } })
	});
	const message = await client.beta.messages
		.stream({ model: 'm', max_tokens: 1, messages: [] })
		.finalMessage();
	// `parsed_output` is the SDK's structured-output helper (always null without a parser), not wire data.
	const { parsed_output, ...wire } = message as typeof message & { parsed_output?: unknown };
	expect(parsed_output).toBeNull();
	return wire;
}

/** What the gateway's usage tap (the budget's count) reports for the stream. */
function tapped(bytes: Uint8Array, cuts: number[]) {
	let usage: Usage | undefined;
	const tap = sseUsageTap((u) => (usage = u));
	const bounds = [0, ...cuts, bytes.length];
	for (let i = 1; i < bounds.length; i++) tap.feed(bytes.subarray(bounds[i - 1], bounds[i]));
	tap.finish();
	return usage;
}

/** The SDK drops nothing; a field it gives as undefined is absent in ours (and in the JSON). */
const plain = (v: unknown) => JSON.parse(JSON.stringify(v));

describe('MessageAccumulator equals the SDK MessageStream on recorded streams', () => {
	it.each(recordedFiles('.sse'))('%s', async (file) => {
		const bytes = new TextEncoder().encode(recorded(file));
		const everyByte = Array.from({ length: bytes.length - 1 }, (_, i) => i + 1);
		const expected = plain(await sdk(bytes, everyByte));
		expect(plain(await sdk(bytes, []))).toEqual(expected);
		expect(plain(await ours(bytes, everyByte))).toEqual(expected);
		for (let cut = 1; cut < bytes.length; cut++)
			expect(plain(await ours(bytes, [cut])), `split at byte ${cut}`).toEqual(expected);
		// The server's tap merges message_delta usage with the same function: same usage.
		expect(plain(tapped(bytes, everyByte))).toEqual(expected.usage);
	});
});
