/**
 * The text of each page of a PDF, with pdf.js (Mozilla's parser; its legacy build runs on
 * Node 20 without a DOM or canvas). Server-side only: imported lazily so nothing else pays for it.
 */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
	const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
	// pdf.js takes ownership of the buffer it is given, so it gets a copy.
	const task = getDocument({
		data: new Uint8Array(bytes),
		isEvalSupported: false,
		disableFontFace: true,
		useSystemFonts: false,
		verbosity: VerbosityLevel.ERRORS
	});
	try {
		const pdf = await task.promise;
		const pages: string[] = [];
		for (let n = 1; n <= pdf.numPages; n++) {
			const page = await pdf.getPage(n);
			const content = await page.getTextContent();
			const text = content.items
				.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
				.join('');
			pages.push(text.trim());
		}
		return pages;
	} finally {
		await task.destroy();
	}
}
