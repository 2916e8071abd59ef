/**
 * Files uploaded through the Files API: the list the Files panel shows, upload and delete
 * (through `$lib/api`). Documents reference them by `file_id`.
 */
import { ApiError, files as filesApi, toUserMessage } from '$lib/api';
import type { FileMetadata } from '$lib/api/files';

export type FileMeta = FileMetadata;

const describe = (e: unknown) => toUserMessage(e);

export class FilesState {
	files = $state.raw<FileMeta[]>([]);
	error = $state<string | null>(null);
	isBusy = $state(false);

	async refresh(): Promise<void> {
		try {
			this.files = (await filesApi.list(null, 100)).data;
			this.error = null;
		} catch (e) {
			this.error = `Could not list files: ${describe(e)}`;
		}
	}

	/** Uploads once; the returned id goes into a document's `file` source. */
	async upload(file: File): Promise<FileMeta | null> {
		this.isBusy = true;
		try {
			const meta = await filesApi.upload(file);
			this.error = null;
			this.files = [meta, ...this.files.filter((f) => f.id !== meta.id)];
			return meta;
		} catch (e) {
			this.error = `Upload failed: ${describe(e)}`;
			return null;
		} finally {
			this.isBusy = false;
		}
	}

	async remove(id: string): Promise<void> {
		try {
			await filesApi.delete(id);
		} catch (e) {
			if (!(e instanceof ApiError && e.status === 404)) {
				this.error = `Delete failed: ${describe(e)}`;
				return;
			}
		}
		this.error = null;
		this.files = this.files.filter((f) => f.id !== id);
	}
}
