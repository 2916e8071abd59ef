/** Copies text; false when the browser refuses (insecure origin, no permission), so the UI can say so. */
export async function copyText(text: string): Promise<boolean> {
	try {
		await navigator.clipboard.writeText(text);
		return true;
	} catch {
		return false;
	}
}
