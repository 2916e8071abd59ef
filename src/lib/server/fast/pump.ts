import type { ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import type { ByteScrubber } from '../gateway/scrub';
import { log } from '../log';

export interface PumpWatch {
	/** Sees every chunk the client is sent (after scrubbing), in order. */
	onChunk?: (chunk: Buffer) => void;
	/** Once: `complete` when the whole body went through, `cut` when either side broke off. */
	onEnd: (outcome: 'complete' | 'cut') => void;
}

/**
 * Pipes an upstream body to the client as it arrives, byte for byte but for the key (scrubbed
 * out). Backpressure both ways: a slow client pauses the upstream socket. When the client
 * leaves, the upstream body is destroyed (its request aborted); when the upstream breaks, the
 * client's answer ends early, as a dropped connection does.
 */
export function pump(
	body: Readable,
	res: ServerResponse,
	scrubber: ByteScrubber | undefined,
	watch: PumpWatch
): void {
	let ended = false;
	const end = (outcome: 'complete' | 'cut') => {
		if (ended) return;
		ended = true;
		watch.onEnd(outcome);
	};
	const send = (chunk: Buffer) => {
		if (!chunk.length) return;
		watch.onChunk?.(chunk);
		if (!res.write(chunk)) body.pause();
	};
	body.on('data', (chunk: Buffer) => send(scrubber ? scrubber.push(chunk) : chunk));
	res.on('drain', () => body.resume());
	body.once('end', () => {
		if (scrubber) send(scrubber.flush());
		end('complete');
		res.end();
	});
	body.once('error', (e) => {
		if (ended) return;
		if (!res.destroyed) log.warn('upstream stream failed', { error: e.message });
		end('cut');
		res.destroy();
	});
	res.once('close', () => {
		if (ended) return;
		end('cut');
		body.destroy();
	});
}
