// The recorder skips chunks without a file id (no decoding); it must still see every id,
// however the answer is cut, and each only once.
import { describe, expect, it } from 'vitest';
import { outputFileRecorder } from '$lib/server/gateway/files-outputs';
import type { FileOwners } from '$lib/server/gateway/files';

const EVENT =
	'event: content_block_start\ndata: {"type":"content_block_start","content_block":{"content":' +
	'{"content":[{"type":"code_execution_output","file_id":"file_011CFirst"},' +
	'{"type":"bash_code_execution_output","file_id":"file_011CSecond"}]}}}\n\n';

function recorded(slices: Uint8Array[]) {
	const ids: string[] = [];
	const owners = { recordFileOwner: async (id: string) => void ids.push(id) };
	const record = outputFileRecorder(async () => owners as unknown as FileOwners, 'dora');
	for (const s of slices) record(s);
	return new Promise<string[]>((r) => setTimeout(() => r(ids), 0));
}

describe('outputFileRecorder', () => {
	const bytes = new TextEncoder().encode('event: ping\ndata: {}\n\n' + EVENT + EVENT);

	it('finds both ids once at every cut in two', async () => {
		for (let cut = 1; cut < bytes.length; cut++) {
			const ids = await recorded([bytes.subarray(0, cut), bytes.subarray(cut)]);
			expect(ids, `cut ${cut}`).toEqual(['file_011CFirst', 'file_011CSecond']);
		}
	});

	it('finds them in 5-byte slices too', async () => {
		const slices = [];
		for (let at = 0; at < bytes.length; at += 5) slices.push(bytes.subarray(at, at + 5));
		expect(await recorded(slices)).toEqual(['file_011CFirst', 'file_011CSecond']);
	});

	it('records nothing for an answer without tool-made files', async () => {
		const text = new TextEncoder().encode('data: {"type":"text","text":"file_id is a word"}\n\n');
		expect(await recorded([text])).toEqual([]);
	});
});
