import { batches, batchIndex, toUserMessage } from '$lib/api';
import type { BatchIndexEntry as IndexEntry } from '$lib/api/batch-index';
import type { MessageBatch } from '$lib/schemas';

const FIRST_POLL_MS = 500;
const MAX_POLL_MS = 10_000;

/** One batch: polled with backoff while it runs, cancellable. */
export class BatchDetailState {
	#batch = $state.raw<MessageBatch | null>(null);
	#entry = $state.raw<IndexEntry | null>(null);
	#error = $state<string | null>(null);
	#canceling = $state(false);
	#delay = FIRST_POLL_MS;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#disposed = false;

	constructor(readonly id: string) {}

	get batch() {
		return this.#batch;
	}
	get entry() {
		return this.#entry;
	}
	get error() {
		return this.#error;
	}
	get canceling() {
		return this.#canceling;
	}
	get isEnded(): boolean {
		return this.#batch?.processing_status === 'ended';
	}

	async start(): Promise<void> {
		void batchIndex
			.lookup([this.id])
			.then((e) => (this.#entry = e[this.id] ?? null))
			.catch(() => {});
		await this.#poll();
	}

	async #poll(): Promise<void> {
		clearTimeout(this.#timer);
		try {
			this.#set(await batches.retrieve(this.id));
		} catch (e) {
			this.#error = toUserMessage(e);
		}
		if (this.#disposed || this.isEnded || (this.#error && !this.#batch)) return;
		// Back off while nothing changes for long; a cancel resets the pace (see cancel()).
		this.#timer = setTimeout(() => void this.#poll(), this.#delay);
		this.#delay = Math.min(MAX_POLL_MS, this.#delay * 1.5);
	}

	#set(batch: MessageBatch): void {
		this.#batch = batch;
		this.#error = null;
	}

	async cancel(): Promise<void> {
		this.#canceling = true;
		try {
			this.#set(await batches.cancel(this.id));
			this.#delay = FIRST_POLL_MS;
			void this.#poll();
		} catch (e) {
			this.#error = toUserMessage(e);
		} finally {
			this.#canceling = false;
		}
	}

	dispose(): void {
		this.#disposed = true;
		clearTimeout(this.#timer);
	}
}
