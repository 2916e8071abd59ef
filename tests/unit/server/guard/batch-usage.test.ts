// The ledger's tap on batch results reads lines with the shared JSONL splitter (batches/lines):
// the same totals whatever the chunking, and with CRLF endings or no final newline.
import { describe, expect, it } from 'vitest';
import { jsonlUsageTap } from '$lib/server/guard/batch-usage';
import { recorded, recordedFiles } from '../../../support/fixtures';

const text = recordedFiles('.jsonl')
	.filter((f) => f.startsWith('batch-results-'))
	.map((f) => recorded(f).trim())
	.join('\n');

function expected(jsonl: string) {
	const total = {
		input_tokens: 0,
		output_tokens: 0,
		cache_creation_input_tokens: 0,
		cache_read_input_tokens: 0
	};
	for (const line of jsonl.split('\n').filter((l) => l.trim())) {
		const r = JSON.parse(line).result;
		if (r.type !== 'succeeded') continue;
		for (const key of Object.keys(total) as (keyof typeof total)[])
			total[key] += r.message.usage[key] ?? 0;
	}
	return total;
}

function tap(bytes: Uint8Array, cuts: number[]) {
	const t = jsonlUsageTap();
	const bounds = [0, ...cuts, bytes.length];
	for (let i = 1; i < bounds.length; i++) t.feed(bytes.subarray(bounds[i - 1], bounds[i]));
	return t.finish();
}

describe('jsonlUsageTap', () => {
	it('sums the succeeded lines of the recorded results at every split', () => {
		const want = expected(text);
		expect(want.input_tokens).toBeGreaterThan(0);
		const bytes = new TextEncoder().encode(text + '\n');
		for (let cut = 1; cut < bytes.length; cut++)
			expect(tap(bytes, [cut]), `cut ${cut}`).toEqual(want);
	});

	it('counts a last line without a newline, CRLF endings and blank lines, and skips a broken line', () => {
		const crlf = text.replaceAll('\n', '\r\n\r\n') + '\r\n{"result":{"type":"succeeded",';
		const bytes = new TextEncoder().encode(crlf);
		expect(tap(bytes, [])).toEqual(expected(text));
		const noFinalNewline = new TextEncoder().encode(text);
		expect(tap(noFinalNewline, [7, 300])).toEqual(expected(text));
	});
});
