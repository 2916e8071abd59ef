import { IMAGE_MEDIA_TYPES } from '$lib/schemas';

/** An image file (upload or paste) as the API wants it: media type and bare base64. */
export async function readImageFile(file: Blob): Promise<{ mediaType: string; data: string }> {
	if (!(IMAGE_MEDIA_TYPES as readonly string[]).includes(file.type)) {
		throw new Error(
			`Unsupported image type "${file.type || 'unknown'}": use JPEG, PNG, GIF or WebP`
		);
	}
	const url = await new Promise<string>((resolve, reject) => {
		const reader = new FileReader();
		reader.onload = () => resolve(String(reader.result));
		reader.onerror = () => reject(reader.error ?? new Error('Could not read the file'));
		reader.readAsDataURL(file);
	});
	return { mediaType: file.type, data: url.slice(url.indexOf(',') + 1) };
}
