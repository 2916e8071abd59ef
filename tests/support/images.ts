/**
 * Tiny image byte strings with real headers (signature + the fields that hold the size),
 * enough for the simulator's checks. Built by hand so tests need no image files.
 */
function bytes(...parts: (number[] | Uint8Array)[]): Uint8Array {
	return Uint8Array.from(parts.flatMap((p) => Array.from(p)));
}
const be32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const be16 = (n: number) => [(n >>> 8) & 255, n & 255];
const le16 = (n: number) => [n & 255, (n >>> 8) & 255];
const le24 = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255];
const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

export function png(width: number, height: number): Uint8Array {
	return bytes(
		[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
		be32(13),
		ascii('IHDR'),
		be32(width),
		be32(height),
		[8, 6, 0, 0, 0],
		be32(0)
	);
}

export function gif(width: number, height: number): Uint8Array {
	return bytes(ascii('GIF89a'), le16(width), le16(height), [0, 0, 0]);
}

/** SOI, an APP0 segment to skip, then a baseline SOF0 frame with the size. */
export function jpeg(width: number, height: number): Uint8Array {
	return bytes(
		[0xff, 0xd8],
		[0xff, 0xe0],
		be16(16),
		ascii('JFIF'),
		[0, 1, 1, 0, 0, 1, 0, 1, 0, 0],
		[0xff, 0xc0],
		be16(17),
		[8],
		be16(height),
		be16(width),
		[3],
		new Array(9).fill(0)
	);
}

/** Extended WebP (VP8X): canvas size minus one, 24-bit little endian. */
export function webp(width: number, height: number): Uint8Array {
	return bytes(
		ascii('RIFF'),
		[30, 0, 0, 0],
		ascii('WEBP'),
		ascii('VP8X'),
		[10, 0, 0, 0],
		[0, 0, 0, 0],
		le24(width - 1),
		le24(height - 1)
	);
}

export const b64 = (data: Uint8Array) => Buffer.from(data).toString('base64');

export function imageBlock(mediaType: string, data: Uint8Array) {
	return {
		type: 'image' as const,
		source: { type: 'base64' as const, media_type: mediaType as 'image/png', data: b64(data) }
	};
}
