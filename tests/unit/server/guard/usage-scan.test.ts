// The batch ledger reads `usage` from result lines without parsing them whole; on every recorded
// result line (checked against the schema first) it must find exactly what a full parse finds.
import { describe, expect, it } from 'vitest';
import { BatchResultLineSchema } from '$lib/schemas/batches';
import { scanUsage } from '$lib/server/guard/usage-scan';
import { recorded, recordedFiles } from '../../../support/fixtures';

const lines = recordedFiles('.jsonl')
	.filter((f) => f.startsWith('batch-results-'))
	.flatMap((f) => recorded(f).split('\n'))
	.filter((l) => l.trim());

describe('scanUsage', () => {
	it('finds the usage a full parse finds on every recorded result line', () => {
		const succeeded = lines.filter((l) => JSON.parse(l).result.type === 'succeeded');
		expect(succeeded.length).toBeGreaterThan(1);
		for (const line of lines) {
			const parsed = BatchResultLineSchema.parse(JSON.parse(line));
			const full = JSON.parse(line).result.message?.usage;
			expect(parsed.custom_id).toBeTruthy();
			expect(scanUsage(line), line.slice(0, 60)).toEqual(full);
		}
	});

	it("takes the message's own usage when content carries a `usage` key or the word in text", () => {
		const line = JSON.stringify({
			custom_id: 'a',
			result: {
				type: 'succeeded',
				message: {
					content: [
						{ type: 'tool_use', input: { usage: { input_tokens: 999 } } },
						{ type: 'text', text: 'the "usage": {"input_tokens": 5} of it' }
					],
					usage: {
						input_tokens: 12,
						output_tokens: 3,
						server_tool_use: { web_search_requests: 1 }
					},
					container: null
				}
			}
		});
		expect(scanUsage(line)).toEqual({
			input_tokens: 12,
			output_tokens: 3,
			server_tool_use: { web_search_requests: 1 }
		});
	});

	it('finds nothing in an errored line, a cut line or one without usage', () => {
		const errored = JSON.stringify({
			custom_id: 'b',
			result: { type: 'errored', error: { type: 'error', error: { message: 'no "usage": here' } } }
		});
		expect(scanUsage(errored)).toBeUndefined();
		expect(scanUsage('{"result":{"type":"succeeded","message":{"usage":{"input_tokens":4')).toBe(
			undefined
		);
		expect(scanUsage('{"custom_id":"c","result":{"type":"canceled"}}')).toBeUndefined();
	});
});
