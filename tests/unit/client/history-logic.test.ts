import { describe, expect, it } from 'vitest';
import {
	evictions,
	MAX_STORED_EVENT_CHARS,
	matches,
	sortEntries,
	toEntry,
	type HistoryEntry
} from '../../../src/lib/client/history-logic';

const request = {
	model: 'claude-3-5-haiku-20241022',
	max_tokens: 9,
	system: 'Be brief',
	messages: [{ role: 'user', content: [{ type: 'text', text: 'Tell me about Oslo' }] }]
};
const message = {
	content: [{ type: 'tool_use' }, { type: 'text', text: 'Oslo is the capital.' }],
	stop_reason: 'end_turn',
	usage: { input_tokens: 5, output_tokens: 7 }
};

const entry = (id: string, createdAt: number, pinned = false): HistoryEntry => ({
	...toEntry({ request }, id, createdAt),
	pinned
});

describe('toEntry', () => {
	it('keeps a small event log with the entry and drops one over the limit', () => {
		const event = (data: string, at: number) => ({ event: 'content_block_delta', data, at });
		const small = [event('{"a":1}', 1), event('{"b":2}', 2)];
		expect(toEntry({ request, message, events: small }, 'id1', 1).result?.events).toEqual(small);
		const chunk = 'x'.repeat(1000);
		const big = Array.from({ length: MAX_STORED_EVENT_CHARS / 1000 + 1 }, (_, i) =>
			event(chunk, i)
		);
		expect(toEntry({ request, message, events: big }, 'id2', 1).result?.events).toBeUndefined();
	});

	it('summarises a finished run: first text block, stop reason, usage', () => {
		const e = toEntry({ request, betas: ['b-1'], message }, 'id1', 1000);
		expect(e).toMatchObject({
			id: 'id1',
			createdAt: 1000,
			model: request.model,
			firstText: 'Oslo is the capital.',
			stopReason: 'end_turn',
			usage: message.usage,
			betas: ['b-1'],
			pinned: false,
			error: null
		});
	});

	it('falls back to streamed text and keeps the error of a failed run', () => {
		const e = toEntry(
			{ request, text: 'partial', error: { type: 'overloaded_error', message: 'Overloaded' } },
			'id2',
			1
		);
		expect(e).toMatchObject({
			firstText: 'partial',
			stopReason: null,
			usage: null,
			error: 'overloaded_error: Overloaded'
		});
	});
});

describe('matches', () => {
	it.each([
		['', true],
		['oslo', true],
		['BE BRIEF', true],
		['haiku', true],
		['paris', false]
	])('query %j -> %s', (query, expected) => {
		expect(matches(entry('a', 1), query)).toBe(expected);
	});
});

describe('evictions', () => {
	it('drops the oldest unpinned entries beyond the bound and never a pinned one', () => {
		const entries = [
			entry('old-pinned', 1, true),
			entry('old', 2),
			entry('mid', 3),
			entry('new', 4)
		];
		expect(evictions(entries, 2)).toEqual(['old', 'mid']);
		expect(evictions(entries, 4)).toEqual([]);
	});
});

describe('sortEntries', () => {
	it('puts pinned entries first, then newest first', () => {
		expect(
			sortEntries([entry('a', 1), entry('b', 3), entry('c', 2, true)]).map((e) => e.id)
		).toEqual(['c', 'b', 'a']);
	});
});
