/// <reference lib="webworker" />
// Parses and checks an uploaded rows file off the main thread, reporting progress as it goes.
import { prepareBatch } from './prepare';
import type { PrepareIn, PrepareOut } from './protocol';
import { formatOf, parseRows } from './rows';

const post = (m: PrepareOut) => postMessage(m);

onmessage = async (e: MessageEvent<PrepareIn>) => {
	const { file, fileName, template, options } = e.data;
	try {
		post({ type: 'progress', phase: 'reading', done: 0, total: file.size });
		const text = await file.text();
		const rows = parseRows(text, formatOf(fileName, text), (done, total) =>
			post({ type: 'progress', phase: 'parsing', done, total })
		);
		const prepared = prepareBatch(rows, template, options, (done, total) =>
			post({ type: 'progress', phase: 'checking', done, total })
		);
		const first = rows.find((r) => r.kind === 'vars');
		post({
			type: 'done',
			prepared,
			columns: first?.kind === 'vars' ? Object.keys(first.vars) : []
		});
	} catch (err) {
		post({ type: 'error', message: (err as Error).message });
	}
};
