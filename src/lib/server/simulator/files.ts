import { PageQuerySchema } from '$lib/schemas';
import { HttpProblem, json, readBodyBytes } from '../http';
import { paginate } from './paginate';
import { FileStore, type StoredFile } from './files-store';

/** The Files API's documented per-file limit. */
export const MAX_FILE_BYTES = 500 * 1024 * 1024;
/** Room for the multipart framing around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;
/** With this beta flag the API still lists in the 2025 beta shape (after_id/before_id, has_more). */
export const FILES_BETA = 'files-api-2025-04-14';

const EXTENSION_TYPES: Record<string, string> = {
	pdf: 'application/pdf',
	txt: 'text/plain',
	md: 'text/markdown',
	csv: 'text/csv',
	json: 'application/json',
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	gif: 'image/gif',
	webp: 'image/webp'
};

/** An API error that carries `error.details.error_code`, which the SDK turns into a typed error. */
export class DetailedProblem extends HttpProblem {
	constructor(
		type: 'invalid_request_error' | 'not_found_error',
		message: string,
		readonly errorCode: string
	) {
		super(type, message);
	}
	override toResponse(requestId?: string): Response {
		const body = {
			type: 'error',
			error: { type: this.type, message: this.message, details: { error_code: this.errorCode } }
		};
		return json(requestId ? { ...body, request_id: requestId } : body, { status: this.status });
	}
}

export interface FilesApiOptions {
	store: FileStore;
	maxFileBytes?: number;
}

function notFound(id: string): HttpProblem {
	return new HttpProblem('not_found_error', `File not found: ${id}`);
}

/** Serves `/v1/files*`; returns undefined for any other path. */
export function createFilesApi({ store, maxFileBytes = MAX_FILE_BYTES }: FilesApiOptions) {
	function found(id: string): StoredFile {
		const file = store.get(id);
		if (!file) throw notFound(id);
		return file;
	}

	async function upload(request: Request): Promise<Response> {
		const type = request.headers.get('content-type') ?? '';
		if (!type.toLowerCase().startsWith('multipart/form-data'))
			throw new HttpProblem(
				'invalid_request_error',
				'content-type: file uploads must be multipart/form-data with a "file" part'
			);
		const cap = maxFileBytes + MULTIPART_OVERHEAD;
		const body = await readBodyBytes(request, cap, () => tooLarge(maxFileBytes));
		let form: FormData;
		try {
			form = await new Response(body as BodyInit, { headers: { 'content-type': type } }).formData();
		} catch (e) {
			if (e instanceof HttpProblem) throw e;
			throw new HttpProblem(
				'invalid_request_error',
				'request body is not valid multipart/form-data'
			);
		}
		const file = form.get('file');
		if (!(file instanceof Blob))
			throw new HttpProblem('invalid_request_error', 'file: a "file" part is required');
		if (file.size > maxFileBytes) throw tooLarge(maxFileBytes);
		if (file.size === 0) throw new HttpProblem('invalid_request_error', 'file: the file is empty');
		const filename =
			(file instanceof File && file.name ? file.name : 'upload').split(/[\\/]/).pop() || 'upload';
		if (filename.length > 500)
			throw new HttpProblem(
				'invalid_request_error',
				'file: the filename must be at most 500 characters'
			);
		return json(
			await store.create({
				filename,
				mime_type: mimeType(file.type, filename),
				bytes: new Uint8Array(await file.arrayBuffer()),
				downloadable: false,
				expiresInSeconds: expiresIn(form.get('expires_in_seconds'))
			})
		);
	}

	function list(url: URL, betas: readonly string[]): Response {
		const params = url.searchParams;
		const ids = [...params.getAll('ids[]'), ...params.getAll('ids')]
			.flatMap((v) => v.split(','))
			.filter(Boolean);
		const all = store.list().filter((f) => ids.length === 0 || ids.includes(f.id));
		const query = PageQuerySchema.safeParse(
			Object.fromEntries(
				[...params].filter(([k]) => ['limit', 'after_id', 'before_id'].includes(k))
			)
		);
		if (!query.success)
			throw new HttpProblem('invalid_request_error', 'limit: must be an integer from 1 to 1000');
		if (betas.includes(FILES_BETA)) return json(paginate(all, query.data));
		// Today's shape: `data` and an opaque `next_page` cursor, followed with `page`.
		const page = params.get('page');
		let start = 0;
		if (page) {
			const after = decodeCursor(page);
			const at = all.findIndex((f) => f.id === after);
			if (after === undefined)
				throw new HttpProblem('invalid_request_error', 'page: not a cursor this API returned');
			start = at < 0 ? all.length : at + 1;
		}
		const data = all.slice(start, start + query.data.limit);
		const more = start + data.length < all.length;
		return json({ data, next_page: more ? encodeCursor(data[data.length - 1].id) : null });
	}

	function download(id: string): Response {
		const file = found(id);
		if (store.isExpired(file))
			throw new DetailedProblem('not_found_error', `File ${id} has expired.`, 'file_expired');
		if (!file.downloadable)
			throw new DetailedProblem(
				'invalid_request_error',
				`File ${id} is not downloadable: only files a tool created can be downloaded.`,
				'file_not_downloadable'
			);
		const bytes = store.content(id) ?? new Uint8Array();
		return new Response(bytes as BodyInit, {
			headers: {
				'content-type': file.mime_type,
				'content-length': String(bytes.byteLength),
				'content-disposition': `attachment; filename="${file.filename.replace(/["\\\r\n]/g, '_')}"`
			}
		});
	}

	return async function handle(
		request: Request,
		url: URL,
		path: string,
		betas: readonly string[]
	): Promise<Response | undefined> {
		const method = request.method;
		if (path === '/v1/files') {
			if (method === 'POST') return upload(request);
			if (method === 'GET') return list(url, betas);
			return undefined;
		}
		const match = path.match(/^\/v1\/files\/([^/]+)(\/content)?$/);
		if (!match) return undefined;
		let id: string;
		try {
			id = decodeURIComponent(match[1]);
		} catch {
			throw notFound(match[1]);
		}
		if (match[2]) return method === 'GET' ? download(id) : undefined;
		if (method === 'GET') return json(found(id));
		if (method === 'DELETE') {
			if (!(await store.delete(id))) throw notFound(id);
			return json({ id, type: 'file_deleted' });
		}
		return undefined;
	};
}

function tooLarge(max: number): HttpProblem {
	return new HttpProblem(
		'request_too_large',
		`File exceeds the maximum allowed size of ${Math.round(max / 1024 / 1024)} MB.`
	);
}

function mimeType(declared: string, filename: string): string {
	const plain = declared.split(';')[0].trim().toLowerCase();
	if (plain && plain !== 'application/octet-stream') return plain;
	return (
		EXTENSION_TYPES[filename.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream'
	);
}

function expiresIn(value: FormDataEntryValue | null): number | undefined {
	if (value === null) return undefined;
	const n = Number(value);
	if (typeof value !== 'string' || !Number.isInteger(n) || n < 1)
		throw new HttpProblem(
			'invalid_request_error',
			'expires_in_seconds: must be a positive integer'
		);
	return n;
}

function encodeCursor(id: string): string {
	return 'page_' + Buffer.from(JSON.stringify({ after: id })).toString('base64url');
}

function decodeCursor(cursor: string): string | undefined {
	if (!cursor.startsWith('page_')) return undefined;
	try {
		const after = (
			JSON.parse(Buffer.from(cursor.slice(5), 'base64url').toString('utf8')) as { after?: unknown }
		).after;
		return typeof after === 'string' ? after : undefined;
	} catch {
		return undefined;
	}
}
