import { LineSplitter } from '$lib/batches/lines';
import { sumUsage, type Usage } from '$lib/schemas/usage';
import { scanUsage } from './usage-scan';

/**
 * Sums the usage of `succeeded` lines in batch results JSONL as it streams past, a line at a
 * time (memory stays at one line however large the file).
 */
export function jsonlUsageTap() {
	let total = sumUsage([]);
	const take = (line: string) => {
		// Cheap filter first: most of a big file is parsed only when it can count.
		if (!line.includes('"succeeded"')) return;
		try {
			total = sumUsage([total, scanUsage(line)]);
		} catch {
			// a malformed line is the viewer's business, not the ledger's
		}
	};
	const lines = new LineSplitter(take);
	return {
		feed(chunk: Uint8Array) {
			lines.push(chunk);
		},
		finish(): Usage {
			lines.end();
			return total;
		}
	};
}
