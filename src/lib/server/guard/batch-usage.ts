import { LineSplitter } from '$lib/batches/lines';
import type { TokenUsage } from './usage-tap';
import { usageTotals } from './usage-tap';
import { scanUsage } from './usage-scan';

/**
 * Sums the usage of `succeeded` lines in batch results JSONL as it streams past, a line at a
 * time (memory stays at one line however large the file).
 */
export function jsonlUsageTap() {
	const total: TokenUsage = { input: 0, output: 0 };
	const take = (line: string) => {
		// Cheap filter first: most of a big file is parsed only when it can count.
		if (!line.includes('"succeeded"')) return;
		try {
			const u = usageTotals(scanUsage(line));
			total.input += u.input;
			total.output += u.output;
		} catch {
			// a malformed line is the viewer's business, not the ledger's
		}
	};
	const lines = new LineSplitter(take);
	return {
		feed(chunk: Uint8Array) {
			lines.push(chunk);
		},
		finish(): TokenUsage {
			lines.end();
			return total;
		}
	};
}
