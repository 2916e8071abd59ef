/** A file the user picked, as a document source: a PDF as base64, anything textual as text. */
export type ReadDocument =
	{ kind: 'pdf'; data: string; name: string } | { kind: 'text'; text: string; name: string };

/** Documents above this size belong in the Files API, not inline in every request. */
export const MAX_INLINE_BYTES = 32 * 1024 * 1024;

function base64Of(bytes: Uint8Array): string {
	let binary = '';
	const CHUNK = 0x8000;
	for (let i = 0; i < bytes.length; i += CHUNK)
		binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
	return btoa(binary);
}

export async function readDocumentFile(file: File): Promise<ReadDocument> {
	if (file.size > MAX_INLINE_BYTES)
		throw new Error(`${file.name} is larger than 32 MB; upload it through the Files API instead.`);
	const bytes = new Uint8Array(await file.arrayBuffer());
	const isPdf =
		file.type === 'application/pdf' || new TextDecoder().decode(bytes.subarray(0, 5)) === '%PDF-';
	if (isPdf) return { kind: 'pdf', data: base64Of(bytes), name: file.name };
	return { kind: 'text', text: new TextDecoder().decode(bytes), name: file.name };
}
