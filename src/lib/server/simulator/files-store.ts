import {
	existsSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	renameSync,
	writeFileSync
} from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { HttpProblem, randomId } from '../http';
import { log } from '../log';

/** A stored file's metadata, exactly the SDK's `FileMetadata`. */
export interface StoredFile {
	id: string;
	type: 'file';
	filename: string;
	mime_type: string;
	size_bytes: number;
	created_at: string;
	/** Uploads are not downloadable; files a tool made (code execution output) are. */
	downloadable: boolean;
	expires_at: string | null;
}

export interface NewFile {
	filename: string;
	mime_type: string;
	bytes: Uint8Array;
	downloadable: boolean;
	expiresInSeconds?: number;
	/** A tool-made file gets an id derived from the request, so replaying it gives the same id. */
	id?: string;
}

/** The API's ids look like `file_011CNha8iCJcU1wXNR6q4V8w`. */
export const FILE_ID = /^file_[A-Za-z0-9]{1,64}$/;

/**
 * The simulator's files on disk: `<id>.bin` holds the bytes, `<id>.json` the metadata, so the
 * files survive a restart. Metadata is also kept in memory (loaded once) for listing.
 */
export class FileStore {
	private index: Map<string, StoredFile> | undefined;

	constructor(
		private readonly dir: string,
		private readonly now: () => number = Date.now
	) {}

	private load(): Map<string, StoredFile> {
		if (this.index) return this.index;
		const index = new Map<string, StoredFile>();
		try {
			if (existsSync(this.dir))
				for (const name of readdirSync(this.dir)) {
					if (!name.endsWith('.json')) continue;
					try {
						const meta = JSON.parse(readFileSync(join(this.dir, name), 'utf8')) as StoredFile;
						if (FILE_ID.test(meta.id)) index.set(meta.id, meta);
					} catch {
						// A half-written or damaged entry is skipped, not fatal for the others.
					}
				}
		} catch (e) {
			throw storageProblem(e);
		}
		this.index = index;
		return index;
	}

	/** Newest first, as the API lists. */
	list(): StoredFile[] {
		return [...this.load().values()].sort((a, b) =>
			a.created_at === b.created_at ? (a.id < b.id ? 1 : -1) : a.created_at < b.created_at ? 1 : -1
		);
	}

	get(id: string): StoredFile | undefined {
		return FILE_ID.test(id) ? this.load().get(id) : undefined;
	}

	isExpired(file: StoredFile): boolean {
		return file.expires_at !== null && Date.parse(file.expires_at) <= this.now();
	}

	/** The bytes, read synchronously so message planning (synchronous) can use them. */
	content(id: string): Uint8Array | undefined {
		const file = this.get(id);
		if (!file) return undefined;
		try {
			return new Uint8Array(readFileSync(join(this.dir, `${id}.bin`)));
		} catch (e) {
			throw storageProblem(e);
		}
	}

	async create(input: NewFile): Promise<StoredFile> {
		return this.createSync(input);
	}

	/** Synchronous, for files a tool writes while a message is planned (planning is synchronous). */
	createSync(input: NewFile): StoredFile {
		const created = this.now();
		const meta: StoredFile = {
			id: input.id ?? `file_011C${randomId(22)}`,
			type: 'file',
			filename: input.filename,
			mime_type: input.mime_type,
			size_bytes: input.bytes.byteLength,
			created_at: new Date(created).toISOString(),
			downloadable: input.downloadable,
			expires_at:
				input.expiresInSeconds === undefined
					? null
					: new Date(created + input.expiresInSeconds * 1000).toISOString()
		};
		try {
			mkdirSync(this.dir, { recursive: true });
			writeFileSync(join(this.dir, `${meta.id}.bin`), input.bytes);
			// Metadata last, via rename: a crash mid-write never leaves metadata without bytes.
			const tmp = join(this.dir, `${meta.id}.json.tmp`);
			writeFileSync(tmp, JSON.stringify(meta));
			renameSync(tmp, join(this.dir, `${meta.id}.json`));
		} catch (e) {
			throw storageProblem(e);
		}
		this.load().set(meta.id, meta);
		return meta;
	}

	async delete(id: string): Promise<boolean> {
		if (!this.get(id)) return false;
		try {
			await rm(join(this.dir, `${id}.json`), { force: true });
			await rm(join(this.dir, `${id}.bin`), { force: true });
		} catch (e) {
			throw storageProblem(e);
		}
		this.load().delete(id);
		return true;
	}
}

function storageProblem(e: unknown): HttpProblem {
	// The path and errno stay in the server's log; the client learns only that storage failed.
	log.error('simulator file storage failed', { error: (e as Error).message });
	return new HttpProblem('api_error', 'The simulator could not read or write its file storage.');
}
