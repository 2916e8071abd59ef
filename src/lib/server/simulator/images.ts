import { HttpProblem } from '../http';

/**
 * Base64 images as the API checks and bills them: the bytes must be the kind `media_type`
 * says (by magic number), and the cost is about width × height / 750 tokens after the
 * API's downscaling, read from the image header when it is readable.
 */
export type ImageKind = 'png' | 'jpeg' | 'gif' | 'webp';

export function sniffImage(bytes: Uint8Array): ImageKind | undefined {
	const at = (i: number, ...xs: number[]) => xs.every((x, k) => bytes[i + k] === x);
	if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
	if (at(0, 0xff, 0xd8, 0xff)) return 'jpeg';
	if (
		at(0, 0x47, 0x49, 0x46, 0x38) &&
		(bytes[4] === 0x37 || bytes[4] === 0x39) &&
		bytes[5] === 0x61
	)
		return 'gif';
	if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'webp';
	return undefined;
}

export interface Size {
	width: number;
	height: number;
}

/** Width and height from the image header, or undefined when the header is cut short or odd. */
export function imageSize(bytes: Uint8Array, kind: ImageKind): Size | undefined {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const ok = (s: Size) => (s.width > 0 && s.height > 0 ? s : undefined);
	try {
		switch (kind) {
			case 'png':
				// IHDR is always the first chunk: width and height at bytes 16 and 20.
				return ok({ width: view.getUint32(16), height: view.getUint32(20) });
			case 'gif':
				return ok({ width: view.getUint16(6, true), height: view.getUint16(8, true) });
			case 'webp':
				return webpSize(bytes, view);
			case 'jpeg':
				return jpegSize(bytes, view);
		}
	} catch {
		return undefined; // header shorter than it claims
	}
}

function webpSize(bytes: Uint8Array, view: DataView): Size | undefined {
	const chunk = String.fromCharCode(...bytes.subarray(12, 16));
	if (chunk === 'VP8X')
		return {
			width: 1 + view.getUint16(24, true) + (view.getUint8(26) << 16),
			height: 1 + view.getUint16(27, true) + (view.getUint8(29) << 16)
		};
	if (chunk === 'VP8L') {
		const bits = view.getUint32(21, true);
		return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
	}
	if (chunk === 'VP8 ')
		return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
	return undefined;
}

/** Walks the JPEG markers to the first start-of-frame, which holds the dimensions. */
function jpegSize(bytes: Uint8Array, view: DataView): Size | undefined {
	let i = 2;
	while (i + 9 < bytes.length) {
		if (bytes[i] !== 0xff) return undefined;
		const marker = bytes[i + 1];
		const isFrame =
			marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
		if (isFrame) return { width: view.getUint16(i + 7), height: view.getUint16(i + 5) };
		i += 2 + view.getUint16(i + 2);
	}
	return undefined;
}

const MAX_EDGE = 1568;
const MAX_TOKENS = 1600;

/** Tokens for an image of this size: downscaled to a 1568px long edge and ~1600 tokens, then w·h/750. */
export function tokensForSize({ width, height }: Size): number {
	let scale = Math.min(1, MAX_EDGE / Math.max(width, height));
	const area = width * height * scale * scale;
	if (area / 750 > MAX_TOKENS) scale *= Math.sqrt((MAX_TOKENS * 750) / area);
	const w = Math.max(1, Math.round(width * scale));
	const h = Math.max(1, Math.round(height * scale));
	return Math.min(MAX_TOKENS, Math.max(1, Math.ceil((w * h) / 750)));
}

export function decodeBase64(data: string): Uint8Array {
	return new Uint8Array(Buffer.from(data, 'base64'));
}

/** Token cost of an image source; without a readable header the byte size stands in. */
export function imageTokens(source: unknown): number {
	const s = source as { type?: string; data?: unknown } | undefined;
	if (s?.type !== 'base64' || typeof s.data !== 'string') return MAX_TOKENS / 2;
	const bytes = decodeBase64(s.data);
	const kind = sniffImage(bytes);
	const size = kind && imageSize(bytes, kind);
	if (size) return tokensForSize(size);
	return Math.max(85, Math.min(MAX_TOKENS, Math.round(bytes.length / 100)));
}

const KIND_OF: Record<string, ImageKind> = {
	'image/png': 'png',
	'image/jpeg': 'jpeg',
	'image/gif': 'gif',
	'image/webp': 'webp'
};

/** Rejects an image whose bytes are not what its media_type claims, naming the field. */
export function checkImageSource(source: unknown, path: string): void {
	const s = source as { type?: string; media_type?: string; data?: unknown };
	if (s?.type !== 'base64' || typeof s.data !== 'string' || !s.media_type) return;
	const kind = sniffImage(decodeBase64(s.data));
	if (!kind)
		throw new HttpProblem(
			'invalid_request_error',
			`${path}.data: The image data could not be decoded as ${s.media_type}; it is not a PNG, JPEG, GIF or WebP image`
		);
	if (kind !== KIND_OF[s.media_type])
		throw new HttpProblem(
			'invalid_request_error',
			`${path}.media_type: Image does not match the provided media type ${s.media_type}; the data is image/${kind}`
		);
}

/** Checks every base64 image in the messages, including images inside tool results. */
export function checkImages(messages: readonly { content?: unknown }[]): void {
	messages.forEach((m, i) => {
		if (!Array.isArray(m.content)) return;
		m.content.forEach((block: { type?: string; source?: unknown; content?: unknown }, j) => {
			if (block?.type === 'image')
				checkImageSource(block.source, `messages.${i}.content.${j}.source`);
			if (block?.type === 'tool_result' && Array.isArray(block.content))
				block.content.forEach((inner: { type?: string; source?: unknown }, k) => {
					if (inner?.type === 'image')
						checkImageSource(inner.source, `messages.${i}.content.${j}.content.${k}.source`);
				});
		});
	});
}
