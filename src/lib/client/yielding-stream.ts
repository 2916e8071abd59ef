import { nextTask } from './next-task';

const MAX_CHUNK = 16 * 1024;

/**
 * Passes a body through in pieces of at most 16 KB and yields to the event loop whenever the
 * reader (parsing included) has worked for `budgetMs`. A stream that is already fully buffered
 * (a fast local server, a replay) would otherwise be parsed in one multi-second task. The bytes
 * are unchanged, only re-chunked.
 */
export function yieldingStream(
	body: ReadableStream<Uint8Array>,
	signal?: AbortSignal,
	budgetMs = 20
): ReadableStream<Uint8Array> {
	const reader = body.getReader();
	let pending: Uint8Array = new Uint8Array(0);
	let offset = 0;
	let sliceStart = performance.now();
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			if (performance.now() - sliceStart > budgetMs) {
				await new Promise<void>((resolve) => nextTask(resolve));
				sliceStart = performance.now();
			}
			if (signal?.aborted) return controller.error(signal.reason);
			if (offset >= pending.length) {
				const { done, value } = await reader.read();
				if (done) return controller.close();
				pending = value;
				offset = 0;
			}
			const end = Math.min(offset + MAX_CHUNK, pending.length);
			controller.enqueue(pending.subarray(offset, end));
			offset = end;
		},
		cancel(reason) {
			return reader.cancel(reason);
		}
	});
}
