import { HttpProblem, json } from '../http';
import type { Store } from '../store';

/** The Files API's documented per-file limit, and room for the multipart framing around it. */
export const MAX_UPLOAD_BYTES = 500 * 1024 * 1024;
const MULTIPART_OVERHEAD = 64 * 1024;

export type FileOwners = Pick<
	Store,
	'recordFileOwner' | 'fileOwner' | 'listOwnedFiles' | 'forgetFile'
>;

export interface FilesGatewayDeps {
	owners: FileOwners;
	/** Sends the client's request on as bytes (the gateway's relay) and answers with upstream's response. */
	relay: () => Promise<Response>;
	maxUploadBytes?: number;
}

interface FileMeta {
	id: string;
	created_at?: string;
}
interface FilePage {
	data: FileMeta[];
	first_id?: string | null;
	last_id?: string | null;
	[key: string]: unknown;
}

const notFound = (id: string) => new HttpProblem('not_found_error', `File not found: ${id}`);

/**
 * `/v1/files*` through the gateway. Upstream (the simulator or the real API) keeps one pool of
 * files per key; the playground has many users on that key, so each file belongs to the user
 * who uploaded it: uploads record the owner, lists show only one's own files, and another
 * user's file answers 404 exactly as a file that does not exist.
 */
export async function filesGateway(
	request: Request,
	apiPath: string,
	user: string,
	deps: FilesGatewayDeps
): Promise<Response> {
	const method = request.method;
	if (apiPath === '/v1/files' && method === 'POST') return upload(request, user, deps);
	if (apiPath === '/v1/files' && method === 'GET') return list(user, deps);
	const match = apiPath.match(/^\/v1\/files\/([^/]+)(\/content)?$/);
	if (!match) return deps.relay();
	let id: string;
	try {
		id = decodeURIComponent(match[1]);
	} catch {
		throw notFound(match[1]);
	}
	if ((await deps.owners.fileOwner(id)) !== user) throw notFound(id);
	const response = await deps.relay();
	if (method === 'DELETE' && !match[2] && response.ok) await deps.owners.forgetFile(id);
	return response;
}

async function upload(request: Request, user: string, deps: FilesGatewayDeps): Promise<Response> {
	const max = deps.maxUploadBytes ?? MAX_UPLOAD_BYTES;
	// Refused before a byte goes upstream; a body without a length is capped by upstream itself.
	if (Number(request.headers.get('content-length') ?? 0) > max + MULTIPART_OVERHEAD)
		throw new HttpProblem(
			'request_too_large',
			`File exceeds the maximum allowed size of ${Math.round(max / 1024 / 1024)} MB.`
		);
	const response = await deps.relay();
	if (!response.ok) return response;
	const bytes = new Uint8Array(await response.arrayBuffer());
	const meta = parse<FileMeta>(bytes);
	if (!meta || typeof meta.id !== 'string') return withBody(response, bytes);
	await deps.owners.recordFileOwner(meta.id, user, meta.created_at ?? new Date().toISOString());
	return withBody(response, bytes);
}

async function list(user: string, deps: FilesGatewayDeps): Promise<Response> {
	const response = await deps.relay();
	if (!response.ok) return response;
	const bytes = new Uint8Array(await response.arrayBuffer());
	const page = parse<FilePage>(bytes);
	if (!page || !Array.isArray(page.data)) return withBody(response, bytes);
	const own = new Set(await deps.owners.listOwnedFiles(user));
	// Pages may come back shorter than `limit`; the cursors still walk the whole list.
	const data = page.data.filter((f) => own.has(f.id));
	const filtered: FilePage = { ...page, data };
	if ('first_id' in page) filtered.first_id = data[0]?.id ?? null;
	if ('last_id' in page) filtered.last_id = data[data.length - 1]?.id ?? null;
	const out = json(filtered, { status: response.status, headers: response.headers });
	out.headers.delete('content-length');
	out.headers.delete('content-encoding');
	return out;
}

function parse<T>(bytes: Uint8Array): T | undefined {
	try {
		return JSON.parse(new TextDecoder().decode(bytes)) as T;
	} catch {
		return undefined;
	}
}

/** The same answer with the bytes already read; length and encoding now describe other bytes. */
function withBody(response: Response, bytes: Uint8Array): Response {
	const headers = new Headers(response.headers);
	headers.delete('content-length');
	headers.delete('content-encoding');
	return new Response(bytes as BodyInit, {
		status: response.status,
		statusText: response.statusText,
		headers
	});
}
