import { batches, batchIndex, toUserMessage, type Cursor, type Page } from '$lib/api';
import type { BatchIndexEntry as IndexEntry } from '$lib/api/batch-index';
import type { MessageBatch } from '$lib/schemas';

export type { IndexEntry };
type BatchPage = Page<MessageBatch>;

const REFRESH_MS = 3000;

/**
 * The batches list: one page at a time through the API's cursors, with creator and label from
 * the playground's index. While any batch on the page is still running, the page refreshes.
 */
export class BatchListState {
	#page = $state.raw<BatchPage | null>(null);
	#index = $state.raw<Record<string, IndexEntry>>({});
	#cursor = $state.raw<Cursor>(null);
	#error = $state<string | null>(null);
	#timer: ReturnType<typeof setTimeout> | undefined;
	#disposed = false;

	get batches(): MessageBatch[] {
		return this.#page?.data ?? [];
	}
	get index() {
		return this.#index;
	}
	get error() {
		return this.#error;
	}
	get loaded() {
		return this.#page !== null;
	}
	/** Going back (before_id), has_more speaks of newer batches; going on (after_id), of older ones. */
	get hasNewer(): boolean {
		const c = this.#cursor;
		if (!c) return false;
		return 'after_id' in c || (this.#page?.has_more ?? false);
	}
	get hasOlder(): boolean {
		const c = this.#cursor;
		if (c && 'before_id' in c) return true;
		return this.#page?.has_more ?? false;
	}
	get isRunning(): boolean {
		return this.batches.some((b) => b.processing_status !== 'ended');
	}

	async load(cursor: Cursor = this.#cursor): Promise<void> {
		clearTimeout(this.#timer);
		try {
			const page = await batches.list(cursor);
			// A "newer" page that came back empty means we were already at the newest: show the first page.
			if (cursor && 'before_id' in cursor && page.data.length === 0) return this.load(null);
			// Labels first, so rows don't appear unlabelled and then change.
			const ids = page.data.map((b) => b.id).filter((id) => !(id in this.#index));
			if (ids.length) this.#index = { ...this.#index, ...(await batchIndex.lookup(ids)) };
			this.#cursor = cursor;
			this.#page = page;
			this.#error = null;
		} catch (e) {
			this.#error = toUserMessage(e);
		}
		if (this.isRunning && !this.#disposed)
			this.#timer = setTimeout(() => void this.load(), REFRESH_MS);
	}

	older(): Promise<void> {
		const last = this.batches.at(-1);
		return last ? this.load({ after_id: last.id }) : Promise.resolve();
	}
	newer(): Promise<void> {
		const first = this.batches[0];
		return first ? this.load({ before_id: first.id }) : Promise.resolve();
	}

	dispose(): void {
		this.#disposed = true;
		clearTimeout(this.#timer);
	}
}
