import { describe, expect, it } from 'vitest';
import { packRows, unpackRows } from '$lib/batches/packed';
import { summarizeLine } from '$lib/batches/results';

const lines = [
	JSON.stringify({
		custom_id: 'ünïcode-1',
		result: {
			type: 'succeeded',
			message: {
				id: 'msg_1',
				type: 'message',
				role: 'assistant',
				model: 'claude-3-5-haiku-20241022',
				content: [{ type: 'text', text: 'Héllo 👋\nsecond line' }],
				stop_reason: 'end_turn',
				stop_sequence: null,
				usage: {
					input_tokens: 12,
					output_tokens: 34,
					cache_creation_input_tokens: 5,
					cache_read_input_tokens: 6
				}
			}
		}
	}),
	JSON.stringify({
		custom_id: 'b',
		result: {
			type: 'errored',
			error: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }
		}
	}),
	'{"custom_id":"c","result":{"type":"canceled"}}',
	'{"custom_id":"d","result":{"type":"expired"}}',
	'not json at all',
	'{"custom_id":"","result":{"type":"succeeded"}}'
];

describe('packRows / unpackRows', () => {
	it('gives back every field of every row, whatever its type or characters', () => {
		let offset = 0;
		const rows = lines.map((text, i) => {
			const row = summarizeLine(text, i + 3, offset, text.length);
			offset += text.length + 1;
			return row;
		});
		expect(new Set(rows.map((r) => r.type))).toEqual(
			new Set(['succeeded', 'errored', 'canceled', 'expired', 'malformed'])
		);
		expect(unpackRows(packRows(rows))).toEqual(rows);
	});

	it('packs no rows into nothing', () => {
		const packed = packRows([]);
		expect(packed.count).toBe(0);
		expect(unpackRows(packed)).toEqual([]);
	});

	it('keeps offsets past 4 GB (a Float64Array, not 32-bit ints)', () => {
		const row = { ...summarizeLine(lines[2], 1), offset: 2 ** 33 + 7, length: 70_000 };
		expect(unpackRows(packRows([row]))[0]).toEqual(row);
	});
});
