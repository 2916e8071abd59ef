/**
 * Files uploaded through the Files API (`/api/v1/files`): the list the Files panel shows,
 * upload (multipart, as the SDK sends it) and delete. Documents reference them by `file_id`.
 * TODO(house): move the three calls into `$lib/api` once it is on main.
 */
export interface FileMeta {
	id: string;
	filename: string;
	mime_type: string;
	size_bytes: number;
	created_at: string;
}

async function problem(res: Response): Promise<string> {
	try {
		const body = await res.json();
		return body?.error?.message ?? `HTTP ${res.status}`;
	} catch {
		return `HTTP ${res.status}`;
	}
}

export class FilesState {
	files = $state.raw<FileMeta[]>([]);
	error = $state<string | null>(null);
	isBusy = $state(false);

	async refresh(): Promise<void> {
		const res = await fetch('/api/v1/files?limit=100');
		if (!res.ok) {
			this.error = `Could not list files: ${await problem(res)}`;
			return;
		}
		this.error = null;
		this.files = (await res.json()).data ?? [];
	}

	/** Uploads once; the returned id goes into a document's `file` source. */
	async upload(file: File): Promise<FileMeta | null> {
		this.isBusy = true;
		try {
			const form = new FormData();
			form.append('file', file, file.name);
			const res = await fetch('/api/v1/files', { method: 'POST', body: form });
			if (!res.ok) {
				this.error = `Upload failed: ${await problem(res)}`;
				return null;
			}
			const meta = (await res.json()) as FileMeta;
			this.error = null;
			this.files = [meta, ...this.files.filter((f) => f.id !== meta.id)];
			return meta;
		} catch (e) {
			this.error = `Upload failed: ${(e as Error).message}`;
			return null;
		} finally {
			this.isBusy = false;
		}
	}

	async remove(id: string): Promise<void> {
		const res = await fetch(`/api/v1/files/${encodeURIComponent(id)}`, { method: 'DELETE' });
		if (!res.ok && res.status !== 404) {
			this.error = `Delete failed: ${await problem(res)}`;
			return;
		}
		this.error = null;
		this.files = this.files.filter((f) => f.id !== id);
	}
}
