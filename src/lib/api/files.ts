// /api/v1/files (the SDK's `client.files`): uploads that requests then cite by file id.
// Types are the installed SDK's until src/lib/schemas carries a files schema.
import type { DeletedFile, FileMetadata } from '@anthropic-ai/sdk/resources/files';
import type { Cursor, Page } from './page';
import { getJson, query, readJson, segment, send, sendJson, type CallOptions } from './transport';

export type { DeletedFile, FileMetadata };

const BASE = '/api/v1/files';

export function list(
	cursor: Cursor = null,
	limit = 20,
	options: CallOptions = {}
): Promise<Page<FileMetadata>> {
	return getJson(`${BASE}${query({ limit, ...(cursor ?? {}) })}`, options);
}

/** Uploads a file as multipart form data (the browser sets the boundary). */
export async function upload(
	file: Blob,
	params: { filename?: string; expiresInSeconds?: number } = {},
	options: CallOptions = {}
): Promise<FileMetadata> {
	const form = new FormData();
	form.set('file', file, params.filename ?? (file instanceof File ? file.name : 'unnamed'));
	if (params.expiresInSeconds !== undefined)
		form.set('expires_in_seconds', String(params.expiresInSeconds));
	const res = await send(BASE, {
		method: 'POST',
		body: form,
		headers: options.headers,
		signal: options.signal
	});
	return readJson<FileMetadata>(res);
}

export function retrieveMetadata(id: string, options: CallOptions = {}): Promise<FileMetadata> {
	return getJson(`${BASE}/${segment(id)}`, options);
}

/** The file's bytes (only for files the API marks downloadable). */
export async function download(id: string, options: CallOptions = {}): Promise<Blob> {
	const res = await send(`${BASE}/${segment(id)}/content`, {
		headers: options.headers,
		signal: options.signal
	});
	return res.blob();
}

function remove(id: string, options: CallOptions = {}): Promise<DeletedFile> {
	return sendJson('DELETE', `${BASE}/${segment(id)}`, undefined, options);
}
export { remove as delete };
